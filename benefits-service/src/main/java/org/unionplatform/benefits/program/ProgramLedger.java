package org.unionplatform.benefits.program;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The only code that moves a program's money and items. Every operation is one conditional update of the
 * program document: MongoDB applies it atomically, so budget and stock never go below zero whatever the
 * concurrency, and each reservation is taken, settled or released at most once (keyed by its ref). A welcome
 * pack's ref stays recorded once settled ({@value #SETTLED_PACKS}), so its stock is spent at most once ever.
 */
@Component
public class ProgramLedger {

    /** The refs of every welcome pack a program settled: what keeps a settled pack from being reserved again. */
    static final String SETTLED_PACKS = "settledPacks";

    private final MongoOperations mongo;

    ProgramLedger(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * Holds {@code amountFen} and {@code items} for {@code ref} if the program is open and has enough left.
     *
     * @return true if held now; false if not enough is left, the program is not open, or ref holds already
     */
    public boolean reserve(String programId, Reservation reservation) {
        Criteria criteria = where("_id").is(programId).and("status").is(ProgramStatus.OPEN)
                .and("pending.ref").ne(reservation.ref());
        if (Reservation.WELCOME.equals(reservation.kind())) {
            // A welcome pack's ref is its member's one grant id: once settled it can never be held again.
            criteria = criteria.and(SETTLED_PACKS).ne(reservation.ref());
        }
        if (reservation.amountFen() > 0) {
            criteria = criteria.and("availableFen").gte(reservation.amountFen());
        }
        if (reservation.items() > 0) {
            criteria = criteria.and("stockAvailable").gte(reservation.items());
        }
        Update update = new Update().push("pending", reservation);
        move(update, "availableFen", "reservedFen", reservation.amountFen());
        move(update, "stockAvailable", "stockReserved", reservation.items());
        return mongo.updateFirst(Query.query(criteria), update, Program.class).getModifiedCount() == 1;
    }

    /** Turns the held amounts of {@code ref} into spent/issued ones; false if ref holds nothing (settled before). */
    public boolean settle(String programId, Reservation reservation) {
        Update update = new Update().pull("pending", new Document("ref", reservation.ref()));
        if (Reservation.WELCOME.equals(reservation.kind())) {
            update.push(SETTLED_PACKS, reservation.ref());
        }
        move(update, "reservedFen", "spentFen", reservation.amountFen());
        move(update, "stockReserved", "stockIssued", reservation.items());
        return mongo.updateFirst(held(programId, reservation.ref()), update, Program.class).getModifiedCount() == 1;
    }

    /** Gives the held amounts of {@code ref} back; false if ref holds nothing (released or settled before). */
    public boolean release(String programId, Reservation reservation) {
        Update update = new Update().pull("pending", new Document("ref", reservation.ref()));
        move(update, "reservedFen", "availableFen", reservation.amountFen());
        move(update, "stockReserved", "stockAvailable", reservation.items());
        return mongo.updateFirst(held(programId, reservation.ref()), update, Program.class).getModifiedCount() == 1;
    }

    /** True if {@code ref} is held on the program now, or is a welcome pack it settled before. */
    public boolean holdsOrSettled(String programId, String ref) {
        return mongo.exists(Query.query(new Criteria().andOperator(where("_id").is(programId),
                new Criteria().orOperator(where("pending.ref").is(ref), where(SETTLED_PACKS).is(ref)))), Program.class);
    }

    /** Gives a settled grant's amounts back once (a revocation); false if it was returned before. */
    public boolean giveBack(String programId, String ref, long amountFen, long items) {
        Query query = Query.query(where("_id").is(programId).and("returned").ne(ref));
        Update update = new Update().push("returned", ref);
        move(update, "spentFen", "availableFen", amountFen);
        move(update, "stockIssued", "stockAvailable", items);
        return mongo.updateFirst(query, update, Program.class).getModifiedCount() == 1;
    }

    /** Adds items to a program that is not closed; returns the program after the change. */
    public Optional<Program> addStock(String programId, long items) {
        Query query = Query.query(where("_id").is(programId).and("status").ne(ProgramStatus.CLOSED)
                .and("stockTotal").exists(true));
        Update update = new Update().inc("stockTotal", items).inc("stockAvailable", items);
        return Optional.ofNullable(mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                Program.class));
    }

    /** Moves the program from one status to the next; false if it is not in {@code from} any more. */
    public boolean transition(String programId, ProgramStatus from, ProgramStatus to, String timeField, Instant at) {
        Query query = Query.query(where("_id").is(programId).and("status").is(from));
        return mongo.updateFirst(query, new Update().set("status", to).set(timeField, at), Program.class)
                .getModifiedCount() == 1;
    }

    private static Query held(String programId, String ref) {
        return Query.query(where("_id").is(programId).and("pending.ref").is(ref));
    }

    private static void move(Update update, String from, String to, long amount) {
        if (amount > 0) {
            update.inc(from, -amount).inc(to, amount);
        }
    }
}
