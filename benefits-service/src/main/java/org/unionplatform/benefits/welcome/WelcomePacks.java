package org.unionplatform.benefits.welcome;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.unionplatform.benefits.client.MemberEligibility;
import org.unionplatform.benefits.config.BenefitsProperties;
import org.unionplatform.benefits.config.StepFaults;
import org.unionplatform.benefits.events.MembershipApproved;
import org.unionplatform.benefits.grant.Grant;
import org.unionplatform.benefits.grant.GrantRepository;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.benefits.program.ProgramLedger;
import org.unionplatform.benefits.program.ProgramListener;
import org.unionplatform.benefits.program.ProgramStatus;
import org.unionplatform.benefits.program.Programs;
import org.unionplatform.benefits.program.Reservation;
import org.unionplatform.common.events.ReceivedEvent;

/**
 * Welcome packs: on {@code membership.approved}, the most specific open welcome-pack program covering the new
 * member's union gives them one pack; without stock they wait and are served, oldest first, when stock arrives; when
 * their program closes they wait on the next open one. Every step is keyed by the member's one pack id and safe to
 * repeat or to run on two instances at once (docs/benefits.md, "Welcome packs"): the reservation under that id can
 * be taken once ever, the grant insert decides which program gave the pack, and the entry changes conditionally.
 * {@code membership.approved} arrives through the root package's {@code Subscriptions} (queue
 * {@code welcome-packs}); new stock, an opened or a closed program through {@link ProgramListener}.
 */
@Service
public class WelcomePacks implements ProgramListener {

    static final String AUTOMATIC = "benefits-service";
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(WelcomePacks.class);

    private final MongoOperations mongo;
    private final ProgramLedger ledger;
    private final GrantRepository grants;
    private final Programs programs;
    private final StepFaults faults;
    private final Clock clock;
    private final Duration lease;

    WelcomePacks(MongoOperations mongo, ProgramLedger ledger, GrantRepository grants, Programs programs,
            StepFaults faults, Clock clock, BenefitsProperties properties) {
        this.mongo = mongo;
        this.ledger = ledger;
        this.grants = grants;
        this.programs = programs;
        this.faults = faults;
        this.clock = clock;
        this.lease = properties.issuanceLease();
    }

    /** A new member: queued for the program that gives their pack, and served at once if it has stock. */
    public void onApproved(MembershipApproved approved, ReceivedEvent event) {
        String entryId = WelcomeEntry.idOf(approved.memberId());
        WelcomeEntry entry = mongo.findById(entryId, WelcomeEntry.class);
        if (entry == null) {
            Optional<Program> program = programFor(new MemberEligibility(approved.memberId(), "ACTIVE",
                    approved.workerType(), approved.gender(), approved.organizationId(), approved.orgPath(), null,
                    false, null), null);
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

    /** Opened or restocked: members stranded on closed programs that this one covers move here, then all are served. */
    @Override
    public void supplyGrew(String programId) {
        List<String> closed = mongo.find(Query.query(where("kind").is(Program.WELCOME_PACK)
                .and("status").is(ProgramStatus.CLOSED)), Program.class).stream().map(Program::id).toList();
        rehome(closed).forEach(this::serveWaiting);
        serveWaiting(programId);
    }

    /** Members waiting on the closed program move, keeping their place, to the next open one that would serve them. */
    @Override
    public void closed(String programId) {
        rehome(List.of(programId)).forEach(this::serveWaiting);
    }

    /** Serves waiting members of the program in arrival order while its stock lasts; returns how many. */
    int serveWaiting(String programId) {
        Program program = mongo.findById(programId, Program.class);
        if (program == null || program.status() != ProgramStatus.OPEN || !Program.WELCOME_PACK.equals(program.kind())) {
            return 0;
        }
        if (program.stockAvailable() != null && program.stockAvailable() <= 0) {
            // Nothing left to give: the waiting queue is not read. Each approval re-read it in order, about a
            // second per event with thousands waiting on the embedded store (the fault suite saw the demo's
            // approvals take hours); a reservation left half-way is the sweep's, a restock serves the queue.
            return 0;
        }
        int served = 0;
        while (true) {
            List<WelcomeEntry> batch = mongo.find(waitingOn(List.of(programId)).limit(BATCH), WelcomeEntry.class);
            for (WelcomeEntry entry : batch) {
                if (!serve(program, entry)) {
                    return served;
                }
                served++;
            }
            if (batch.size() < BATCH) {
                return served;
            }
        }
    }

    /**
     * Gives one waiting member their pack from {@code program}; false when the program has nothing left for them.
     * Steps: reserve under the pack id, insert the pack (the commit point: the first program to insert it gave it),
     * settle, mark the entry SERVED. Whoever meets an entry half-way (a redelivery, a restock, another instance, the
     * sweep) finishes it: the reservation is found held or settled, the insert is a duplicate, settle happens once.
     */
    private boolean serve(Program program, WelcomeEntry entry) {
        // MongoDB keeps milliseconds: the first reply must equal every replay.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Reservation reservation = new Reservation(entry.grantId(), Reservation.WELCOME, 0,
                program.itemsForOneGrant(), null, now);
        if (!ledger.reserve(program.id(), reservation) && !ledger.holdsOrSettled(program.id(), entry.grantId())) {
            Optional<Grant> givenElsewhere = grants.findById(entry.grantId());
            givenElsewhere.ifPresent(pack -> markServed(entry, pack));
            return givenElsewhere.isPresent();
        }
        faults.reached("welcome.after-reserve");
        complete(program, entry, reservation, now);
        return true;
    }

    private void complete(Program program, WelcomeEntry entry, Reservation reservation, Instant now) {
        MemberEligibility member = new MemberEligibility(entry.memberId(), "ACTIVE", entry.workerType(),
                entry.gender(), entry.organizationId(), entry.orgPath(), null, false, null);
        try {
            grants.insert(Grant.granted(entry.grantId(), program, member, 0, program.itemsForOneGrant(), "WELCOME",
                    "入会礼包", AUTOMATIC, now, null));
        } catch (DuplicateKeyException givenBefore) {
            // A redelivery, a restock or another instance inserted it first: the pack exists once.
        }
        Grant pack = grants.findById(entry.grantId()).orElseThrow();
        if (!pack.programId().equals(program.id())) {
            // Another program gave the pack (the member moved on while this one reserved): this hold goes back.
            ledger.release(program.id(), reservation);
            markServed(entry, pack);
            return;
        }
        faults.reached("welcome.after-insert");
        if (ledger.settle(program.id(), reservation)) {
            log.info("Welcome pack {} given to member {} from program {}", pack.id(), entry.memberId(), program.id());
        }
        faults.reached("welcome.after-settle");
        markServed(entry, pack);
    }

    /** Only status, servedAt and the serving program change: a whole-document save could undo an organisation move. */
    private void markServed(WelcomeEntry entry, Grant pack) {
        if (!entry.isWaiting()) {
            return;
        }
        WelcomeEntry served = entry.served(pack.programId(), pack.grantedAt());
        mongo.updateFirst(Query.query(where("_id").is(entry.id()).and("status").is(WelcomeEntry.Status.WAITING)),
                new Update().set("status", served.status()).set("servedAt", served.servedAt())
                        .set("programId", served.programId()), WelcomeEntry.class);
    }

    /**
     * Moves entries waiting on the given (closed) programs to the program each member would get now; returns the
     * programs that received someone. Each move is conditional on the entry still waiting where it was.
     */
    private Set<String> rehome(Collection<String> fromProgramIds) {
        Set<String> targets = new LinkedHashSet<>();
        if (fromProgramIds.isEmpty()) {
            return targets;
        }
        Instant after = null;
        String afterId = null;
        while (true) {
            Query page = waitingOn(fromProgramIds).limit(BATCH);
            if (after != null) {
                page.addCriteria(new Criteria().orOperator(
                        where("queuedAt").gt(after), where("queuedAt").is(after).and("_id").gt(afterId)));
            }
            List<WelcomeEntry> batch = mongo.find(page, WelcomeEntry.class);
            for (WelcomeEntry entry : batch) {
                MemberEligibility member = new MemberEligibility(entry.memberId(), "ACTIVE", entry.workerType(),
                        entry.gender(), entry.organizationId(), entry.orgPath(), null, false, null);
                programFor(member, entry.programId()).ifPresent(next -> {
                    WelcomeEntry moved = entry.movedTo(next.id());
                    long changed = mongo.updateFirst(Query.query(where("_id").is(entry.id())
                                    .and("status").is(WelcomeEntry.Status.WAITING).and("programId").is(entry.programId())),
                            new Update().set("programId", moved.programId()), WelcomeEntry.class).getModifiedCount();
                    if (changed == 1) {
                        targets.add(next.id());
                    }
                });
                after = entry.queuedAt();
                afterId = entry.id();
            }
            if (batch.size() < BATCH) {
                return targets;
            }
        }
    }

    private static Query waitingOn(Collection<String> programIds) {
        return Query.query(where("programId").in(programIds).and("status").is(WelcomeEntry.Status.WAITING))
                .with(Sort.by("queuedAt", "_id"));
    }

    /**
     * Finishes welcome packs whose serving stopped after the reservation, after the lease: a welcome reservation is
     * completed, never cancelled, unless another program gave the pack (then it goes back).
     */
    @Scheduled(fixedDelayString = "${platform.benefits.recovery-interval:10s}",
            initialDelayString = "${platform.benefits.recovery-interval:10s}")
    void sweep() {
        try {
            sweep(clock.instant().minus(lease));
        } catch (RuntimeException e) {
            log.warn("Welcome-pack recovery failed; it runs again shortly: {}", e.toString());
        }
    }

    /** Resolves welcome reservations taken before {@code olderThan}; returns how many. */
    int sweep(Instant olderThan) {
        int resolved = 0;
        Query stale = Query.query(where("pending").elemMatch(where("kind").is(Reservation.WELCOME).and("at").lt(olderThan)));
        for (Program program : mongo.find(stale, Program.class)) {
            List<Reservation> held = program.pending().stream()
                    .filter(r -> Reservation.WELCOME.equals(r.kind()) && r.at().isBefore(olderThan)).toList();
            for (Reservation reservation : held) {
                WelcomeEntry entry = mongo.findById(WelcomeEntry.idOfPack(reservation.ref()), WelcomeEntry.class);
                if (entry == null) {
                    // Never without an entry; a hold nobody can complete goes back.
                    ledger.release(program.id(), reservation);
                } else {
                    complete(program, entry, reservation, reservation.at());
                }
                resolved++;
            }
        }
        return resolved;
    }

    private Optional<Program> programFor(MemberEligibility facts, String excludedProgramId) {
        LocalDate today = programs.today();
        MemberEligibility member = new MemberEligibility(facts.memberId(), "ACTIVE", facts.workerType(),
                facts.gender(), facts.organizationId(), facts.orgPath(), today, false, null);
        Query open = Query.query(where("kind").is(Program.WELCOME_PACK).and("status").is(ProgramStatus.OPEN));
        return mongo.find(open, Program.class).stream()
                .filter(p -> !p.id().equals(excludedProgramId))
                .filter(p -> p.covers(member.orgPath()) && p.runsOn(today))
                .filter(p -> p.eligibility().check(member, today).isEmpty())
                .max(Comparator.comparingInt((Program p) -> p.orgPath().length()).thenComparing(Program::createdAt));
    }
}
