package org.unionplatform.membership.member;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.data.mongodb.core.query.Criteria;
import org.unionplatform.common.web.BusinessRuleViolationException;

/**
 * Filters of the member list. The phone is stored encrypted, so a phone search is one of: the first 3 digits
 * or the last 4 (both visible in the stored mask anyway), the first 7 (a keyed hash stored for that purpose)
 * or all 11 (the phone's lookup hash). Names are matched by prefix, card numbers exactly (spaces ignored).
 */
record MemberSearch(String workerType, MemberStatus status, LocalDate joinedFrom, LocalDate joinedTo, String platform,
        String name, String phone, String organizationId, String cardNumber) {

    List<Criteria> criteria(Workers workers) {
        List<Criteria> conditions = new ArrayList<>();
        if (workerType != null) {
            conditions.add(where("worker.workerType").is(workerType));
        }
        if (status != null) {
            conditions.add(where("status").is(status));
        }
        if (joinedFrom != null || joinedTo != null) {
            Criteria joined = where("joinedOn");
            if (joinedFrom != null) {
                joined = joined.gte(joinedFrom);
            }
            if (joinedTo != null) {
                joined = joined.lte(joinedTo);
            }
            conditions.add(joined);
        }
        if (platform != null) {
            conditions.add(where("worker.platform").is(platform));
        }
        if (organizationId != null) {
            conditions.add(where("organizationId").is(organizationId));
        }
        if (name != null && !name.isBlank()) {
            conditions.add(where("worker.name").regex("^" + Pattern.quote(name.strip())));
        }
        if (phone != null && !phone.isBlank()) {
            conditions.add(phoneCriteria(phone.strip(), workers));
        }
        if (cardNumber != null && !cardNumber.isBlank()) {
            // The benefit officer's desk finds a member by the card they show (unique index card_number).
            conditions.add(where("cardNumber").is(cardNumber.replaceAll("\\s", "")));
        }
        return conditions;
    }

    private static Criteria phoneCriteria(String digits, Workers workers) {
        if (!digits.matches("[0-9]+|\\*[0-9]{4}")) {
            throw unsupportedPhone();
        }
        return switch (digits.length()) {
            case 3 -> where("worker.phone.masked").regex("^" + digits + "\\*");
            case 5 -> where("worker.phone.masked").regex(Pattern.quote(digits.substring(1)) + "$");
            case 7 -> where("worker.phonePrefixKey").is(workers.phonePrefixKey(digits).orElseThrow(
                    MemberSearch::unsupportedPhone));
            case 11 -> where("worker.phone.lookupHash").is(workers.phoneHash(digits));
            default -> throw unsupportedPhone();
        };
    }

    private static BusinessRuleViolationException unsupportedPhone() {
        return new BusinessRuleViolationException("phone-search",
                "Phones are stored encrypted: search by the first 3 or 7 digits, the whole number, or *1234 for the "
                        + "last four.");
    }
}
