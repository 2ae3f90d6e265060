package org.unionplatform.benefits.welcome;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.unionplatform.benefits.client.MemberEligibility;
import org.unionplatform.benefits.events.MembershipApproved;
import org.unionplatform.benefits.grant.Grant;
import org.unionplatform.benefits.grant.GrantRepository;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.benefits.program.ProgramLedger;
import org.unionplatform.benefits.program.ProgramStatus;
import org.unionplatform.benefits.program.Programs;
import org.unionplatform.benefits.program.Reservation;
import org.unionplatform.benefits.program.SupplyListener;
import org.unionplatform.common.events.ReceivedEvent;

/**
 * Welcome packs: on {@code membership.approved}, the most specific open welcome-pack program covering the new
 * member's union gives them one pack; without stock they wait and are served, oldest first, when stock arrives.
 * Every step is safe to repeat: one queue entry per member, a grant id derived from the member, a reservation
 * keyed by that id. {@code membership.approved} arrives through the root package's {@code Subscriptions}
 * (queue {@code welcome-packs}); new stock or an opened program through {@link SupplyListener}.
 */
@Service
public class WelcomePacks implements SupplyListener {

    static final String AUTOMATIC = "benefits-service";
    private static final Logger log = LoggerFactory.getLogger(WelcomePacks.class);

    private final MongoOperations mongo;
    private final ProgramLedger ledger;
    private final GrantRepository grants;
    private final Programs programs;
    private final Clock clock;

    WelcomePacks(MongoOperations mongo, ProgramLedger ledger, GrantRepository grants, Programs programs, Clock clock) {
        this.mongo = mongo;
        this.ledger = ledger;
        this.grants = grants;
        this.programs = programs;
        this.clock = clock;
    }

    /** A new member: queued for the program that gives their pack, and served at once if it has stock. */
    public void onApproved(MembershipApproved approved, ReceivedEvent event) {
        String entryId = WelcomeEntry.idOf(approved.memberId());
        WelcomeEntry entry = mongo.findById(entryId, WelcomeEntry.class);
        if (entry == null) {
            Optional<Program> program = programFor(approved);
            if (program.isEmpty()) {
                return;
            }
            entry = WelcomeEntry.waiting(approved, program.get().id(),
                    approved.approvedAt() == null ? event.envelope().occurredAt() : approved.approvedAt());
            try {
                mongo.insert(entry);
            } catch (DuplicateKeyException redelivered) {
                entry = mongo.findById(entryId, WelcomeEntry.class);
            }
        }
        if (entry.isWaiting()) {
            serveWaiting(entry.programId());
        }
    }

    @Override
    public void supplyGrew(String programId) {
        serveWaiting(programId);
    }

    /** Serves waiting members of the program in arrival order while its stock lasts; returns how many. */
    int serveWaiting(String programId) {
        Program program = mongo.findById(programId, Program.class);
        if (program == null || program.status() != ProgramStatus.OPEN || !Program.WELCOME_PACK.equals(program.kind())) {
            return 0;
        }
        Query waiting = Query.query(where("programId").is(programId).and("status").is(WelcomeEntry.Status.WAITING))
                .with(Sort.by("queuedAt", "_id")).limit(200);
        int served = 0;
        for (WelcomeEntry entry : mongo.find(waiting, WelcomeEntry.class)) {
            if (!serve(program, entry)) {
                break;
            }
            served++;
        }
        return served;
    }

    private boolean serve(Program program, WelcomeEntry entry) {
        // MongoDB keeps milliseconds: the first reply must equal every replay.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Reservation reservation = new Reservation(entry.grantId(), Reservation.WELCOME, 0,
                program.itemsForOneGrant(), null, now);
        if (!ledger.reserve(program.id(), reservation)) {
            Program current = mongo.findById(program.id(), Program.class);
            boolean heldBefore = current != null && current.reservation(entry.grantId()).isPresent();
            if (!heldBefore && !grants.existsById(entry.grantId())) {
                return false;
            }
        }
        MemberEligibility member = new MemberEligibility(entry.memberId(), "ACTIVE", entry.workerType(),
                entry.gender(), entry.organizationId(), entry.orgPath(), null, false);
        try {
            grants.insert(Grant.granted(entry.grantId(), program, member, 0, program.itemsForOneGrant(), "WELCOME",
                    "入会礼包", AUTOMATIC, now, null));
        } catch (DuplicateKeyException servedBefore) {
            // A redelivery or a concurrent restock got here first: the pack exists once.
        }
        ledger.settle(program.id(), reservation);
        // Only the two fields change: a whole-document save could undo a concurrent organisation move.
        WelcomeEntry served = entry.served(now);
        mongo.updateFirst(Query.query(where("_id").is(entry.id())),
                new Update().set("status", served.status()).set("servedAt", served.servedAt()), WelcomeEntry.class);
        log.info("Welcome pack {} given to member {} from program {}", entry.grantId(), entry.memberId(), program.id());
        return true;
    }

    private Optional<Program> programFor(MembershipApproved approved) {
        LocalDate today = programs.today();
        MemberEligibility member = new MemberEligibility(approved.memberId(), "ACTIVE", approved.workerType(),
                approved.gender(), approved.organizationId(), approved.orgPath(), today, false);
        Query open = Query.query(where("kind").is(Program.WELCOME_PACK).and("status").is(ProgramStatus.OPEN));
        return mongo.find(open, Program.class).stream()
                .filter(p -> p.covers(approved.orgPath()) && p.runsOn(today))
                .filter(p -> p.eligibility().check(member, today).isEmpty())
                .max(Comparator.comparingInt((Program p) -> p.orgPath().length()).thenComparing(Program::createdAt));
    }
}
