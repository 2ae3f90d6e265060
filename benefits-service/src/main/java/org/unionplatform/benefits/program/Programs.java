package org.unionplatform.benefits.program;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.benefits.config.BenefitsProperties;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ResourceNotFoundException;

/**
 * Creating programs, finding them within a caller's scope, and their status transitions (the rules are
 * {@link Program}'s; the change is one conditional update of {@link ProgramLedger}). A program that opens, gets
 * more stock or closes tells the {@link ProgramListener}s, so members waiting for it are served or moved on.
 */
@Service
public class Programs {

    static final String SEASONAL = "SEASONAL_CAMPAIGN";
    static final List<String> SEASONS = List.of("SPRING_JOBS", "SUMMER_COOLING", "AUTUMN_EDUCATION", "WINTER_WARMTH");

    private final ProgramRepository repository;
    private final ProgramLedger ledger;
    private final MongoOperations mongo;
    private final BenefitsProperties properties;
    private final ObjectProvider<ProgramListener> listeners;
    private final Clock clock;

    Programs(ProgramRepository repository, ProgramLedger ledger, MongoOperations mongo, BenefitsProperties properties,
            ObjectProvider<ProgramListener> listeners, Clock clock) {
        this.repository = repository;
        this.ledger = ledger;
        this.mongo = mongo;
        this.properties = properties;
        // Looked up when used: the listeners themselves read programs.
        this.listeners = listeners;
        this.clock = clock;
    }

    Program create(ProgramRequests.CreateProgram request, Caller caller) {
        AccessScope scope = AccessScope.of(caller);
        if (!request.orgPath().endsWith("/" + request.organizationId() + "/") || !request.orgPath().startsWith("/")) {
            throw new BusinessRuleViolationException("organisation-path",
                    "orgPath must be the organisation's materialized path, ending with its id.");
        }
        if (!scope.coversOrgPath(request.orgPath())) {
            throw new ResourceNotFoundException("Organisation", request.organizationId());
        }
        validate(request);
        var limit = request.memberLimit() == null ? MemberLimit.ONCE
                : new MemberLimit(request.memberLimit().count(), request.memberLimit().per(),
                        request.memberLimit().sharedKey());
        var rules = request.eligibility() == null ? EligibilityRules.ACTIVE_MEMBERS : new EligibilityRules(
                request.eligibility().statuses(), request.eligibility().workerTypes(), request.eligibility().genders(),
                request.eligibility().minMembershipDays() == null ? 0 : request.eligibility().minMembershipDays(),
                Boolean.TRUE.equals(request.eligibility().hardshipRequired()));
        Long budget = request.budgetFen();
        Long stock = request.stock();
        Program program = new Program(UUID.randomUUID().toString(), request.name(), request.kind(),
                request.season(), request.description(), request.organizationId(), request.orgPath(),
                request.startsOn(), request.endsOn(), request.amountPerGrantFen(), request.perClaimCeilingFen(),
                stock == null ? null : (request.itemsPerGrant() == null ? 1 : request.itemsPerGrant()),
                request.itemName(), limit, rules, request.revokeWindowDays() == null ? 7 : request.revokeWindowDays(),
                ProgramStatus.DRAFT, budget, budget, budget == null ? null : 0L, budget == null ? null : 0L,
                stock, stock, stock == null ? null : 0L, stock == null ? null : 0L, List.of(), List.of(),
                caller.subject(), clock.instant(), null, null, audience(request));
        return repository.insert(program);
    }

    private static Audience audience(ProgramRequests.CreateProgram request) {
        return request.audience() == null ? Audience.MEMBERS : request.audience();
    }

    private void validate(ProgramRequests.CreateProgram request) {
        if (!properties.programKinds().contains(request.kind())) {
            throw new BusinessRuleViolationException("program-kind", "kind must be one of " + properties.programKinds() + ".");
        }
        boolean seasonal = SEASONAL.equals(request.kind());
        if (seasonal != (request.season() != null) || (seasonal && !SEASONS.contains(request.season()))) {
            throw new BusinessRuleViolationException("season",
                    "A seasonal campaign names its season " + SEASONS + "; other kinds have none.");
        }
        audience(request).requireAllowedFor(request.kind());
        if (request.endsOn().isBefore(request.startsOn())) {
            throw new BusinessRuleViolationException("program-period", "endsOn is before startsOn.");
        }
        if (request.budgetFen() == null && request.stock() == null) {
            throw new BusinessRuleViolationException("budget-or-stock", "A program has a money budget, a stock of items, or both.");
        }
        if (request.budgetFen() != null && request.amountPerGrantFen() == null && request.perClaimCeilingFen() == null) {
            throw new BusinessRuleViolationException("amount-per-grant",
                    "A money budget needs amountPerGrantFen (grants) or perClaimCeilingFen (insurance claims).");
        }
    }

    /** The program if the caller may act on it; 404 otherwise (existence does not leak). */
    public Program require(String id, Caller caller) {
        return AccessScope.of(caller).requireInSubtree(repository.findById(id), Program::orgPath, "Program", id);
    }

    List<Program> list(Caller caller, String status, String kind, Pageable page) {
        return mongo.find(scoped(caller, status, kind).with(page), Program.class);
    }

    long count(Caller caller, String status, String kind) {
        return mongo.count(scoped(caller, status, kind), Program.class);
    }

    private static Query scoped(Caller caller, String status, String kind) {
        List<Criteria> conditions = new ArrayList<>();
        conditions.add(AccessScope.of(caller).subtree("orgPath"));
        if (status != null) {
            conditions.add(where("status").is(status));
        }
        if (kind != null) {
            conditions.add(where("kind").is(kind));
        }
        return Query.query(new Criteria().andOperator(conditions.toArray(Criteria[]::new)))
                .with(Sort.by("createdAt", "_id"));
    }

    Program open(String id, Caller caller) {
        Program program = require(id, caller);
        program.requireOpenable();
        if (!ledger.transition(program.id(), ProgramStatus.DRAFT, ProgramStatus.OPEN, "openedAt", clock.instant())) {
            throw Program.statusConflict("Only a DRAFT program can be opened; this one is " + current(id) + ".");
        }
        // Members who joined while no pack was available are served as soon as the program opens.
        supplyGrew(program.id());
        return repository.findById(id).orElseThrow();
    }

    Program close(String id, Caller caller) {
        Program program = require(id, caller);
        program.requireClosable();
        if (!ledger.transition(program.id(), ProgramStatus.OPEN, ProgramStatus.CLOSED, "closedAt", clock.instant())) {
            throw Program.statusConflict("Only an OPEN program can be closed; this one is " + current(id) + ".");
        }
        // Members still waiting for this program's welcome pack move to the next open one.
        listeners.orderedStream().forEach(listener -> listener.closed(program.id()));
        return repository.findById(id).orElseThrow();
    }

    /** More items arrived: the stock grows and members waiting for a welcome pack are served in order. */
    Program addStock(String id, long items, Caller caller) {
        Program program = require(id, caller);
        program.requireRestockable();
        ledger.addStock(program.id(), items)
                .orElseThrow(() -> Program.statusConflict("A closed program takes no more stock."));
        supplyGrew(program.id());
        return repository.findById(id).orElseThrow();
    }

    private void supplyGrew(String programId) {
        listeners.orderedStream().forEach(listener -> listener.supplyGrew(programId));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ChinaTime.ZONE));
    }

    private ProgramStatus current(String id) {
        return repository.findById(id).map(Program::status).orElse(null);
    }
}
