package org.unionplatform.membership.member;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.unionplatform.common.time.ChinaTime;

/**
 * Member card numbers: 16 digits = division code (6) + year joined, two digits (2) + sequence within that
 * division and year (7) + a Luhn check digit (1), e.g. {@code 6101032600000125}. The check digit catches a
 * mistyped digit at the station desk; the sequence comes from one counter document per division and year,
 * reserved in blocks so a bulk enrolment takes one counter update per batch, not per row.
 */
@Component
public class CardNumbers {

    private static final long MAX_SEQUENCE = 9_999_999L;

    private final MongoOperations mongo;

    CardNumbers(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Document("card_sequences")
    record CardSequence(@Id String id, long next) {
    }

    /**
     * Reserves {@code count} consecutive numbers of the division and year of {@code now}; a worker's 9-digit
     * township code numbers the card by its county (the first six digits).
     */
    public Block reserve(String divisionCode, Instant now, int count) {
        String prefix = divisionCode.substring(0, 6) + String.format("%02d", now.atZone(ChinaTime.ZONE).getYear() % 100);
        CardSequence after = mongo.findAndModify(Query.query(where("_id").is(prefix)), new Update().inc("next", count),
                FindAndModifyOptions.options().upsert(true).returnNew(true), CardSequence.class);
        long last = after.next();
        if (last > MAX_SEQUENCE) {
            throw new IllegalStateException("Card sequence of " + prefix + " is exhausted");
        }
        return new Block(prefix, last - count + 1, count);
    }

    /** A reserved range of numbers, handed out one by one. */
    public static final class Block {
        private final String prefix;
        private long nextSequence;
        private final long end;

        Block(String prefix, long first, int count) {
            this.prefix = prefix;
            this.nextSequence = first;
            this.end = first + count;
        }

        public String next() {
            if (nextSequence >= end) {
                throw new IllegalStateException("Card number block used up");
            }
            String body = prefix + String.format("%07d", nextSequence++);
            return body + luhnCheckDigit(body);
        }
    }

    static char luhnCheckDigit(String digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** True for 16 digits whose last is the Luhn check digit of the others. */
    public static boolean isWellFormed(String cardNumber) {
        return cardNumber != null && cardNumber.matches("[0-9]{16}")
                && luhnCheckDigit(cardNumber.substring(0, 15)) == cardNumber.charAt(15);
    }
}
