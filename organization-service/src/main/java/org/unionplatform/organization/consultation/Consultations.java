package org.unionplatform.organization.consultation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.common.workers.WorkerTypes;
import org.unionplatform.organization.company.Company;
import org.unionplatform.organization.company.CompanyRepository;
import org.unionplatform.organization.consultation.ConsultationRequests.GiveOpinion;
import org.unionplatform.organization.consultation.ConsultationRequests.PlanRound;
import org.unionplatform.organization.consultation.ConsultationRequests.RecordOutcome;
import org.unionplatform.organization.tally.Counters;
import org.unionplatform.organization.tally.Tally;
import org.unionplatform.organization.tally.TallyRepository;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationRepository;

/**
 * The consultation use cases. Organizers (and administrators) of the leading union's subtree plan, read and record
 * rounds (404 outside it); any worker gives an opinion on a round still taking them. A round held is counted once,
 * under the leading union and every union above it, in the month of its meeting day.
 */
@Service
class Consultations {

    static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("plannedOn"), Sort.Order.asc("_id"));

    private final MongoTemplate mongo;
    private final OrganizationRepository organizations;
    private final CompanyRepository companies;
    private final TallyRepository tallies;
    private final WorkerTypes workerTypes;
    private final Clock clock;

    Consultations(MongoTemplate mongo, OrganizationRepository organizations, CompanyRepository companies,
            TallyRepository tallies, WorkerTypes workerTypes, Clock clock) {
        this.mongo = mongo;
        this.organizations = organizations;
        this.companies = companies;
        this.tallies = tallies;
        this.workerTypes = workerTypes;
        this.clock = clock;
    }

    Consultation plan(PlanRound request, Caller caller) {
        var scope = AccessScope.of(caller);
        Organization union = organizations.byId(request.organizationId()).filter(o -> scope.coversOrgPath(o.path()))
                .orElseThrow(() -> rule("unknown-organization", "organizationId",
                        "No organisation " + request.organizationId() + " in your scope."));
        Company company;
        try {
            company = companies.requireVisible(request.companyId(), caller);
        } catch (PlatformProblemException notVisible) {
            throw rule("unknown-company", "companyId", "No company " + request.companyId() + " in your scope.");
        }
        var participants = request.participants() == null ? List.<Consultation.Participant>of()
                : request.participants().stream().map(p -> new Consultation.Participant(p.name().strip(), p.side(),
                        p.role() == null || p.role().isBlank() ? null : p.role().strip())).toList();
        Instant now = clock.instant();
        return mongo.insert(Consultation.plan(UUID.randomUUID().toString(), request.title().strip(),
                new Consultation.Leading(union.id(), union.name(), union.path()),
                new Consultation.Counterpart(company.id(), company.name(), company.platform()), request.topics(),
                participants, request.plannedOn(), request.opinionsUntil(), today(now), caller.subject(), now));
    }

    Page<Consultation> list(Consultation.Status status, Pageable pageable, Caller caller) {
        Criteria criteria = AccessScope.of(caller).subtree("orgPath");
        if (status != null) {
            criteria = new Criteria().andOperator(where("status").is(status), criteria);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Consultation.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), Consultation.class), pageable, total);
    }

    Consultation get(String id, Caller caller) {
        return AccessScope.of(caller).requireInSubtree(Optional.ofNullable(
                mongo.findById(id, Consultation.class)), Consultation::orgPath, "Consultation", id);
    }

    /** Opinions gathered for a round, per topic of the round. */
    Map<Topic, Long> opinionsByTopic(Consultation round) {
        Map<Topic, Long> counts = new EnumMap<>(Topic.class);
        for (Topic topic : round.topics()) {
            counts.put(topic, mongo.count(Query.query(where("consultationId").is(round.id()).and("topic").is(topic)),
                    Opinion.class));
        }
        return counts;
    }

    Page<Opinion> opinions(String id, Pageable pageable, Caller caller) {
        Consultation round = get(id, caller);
        Query query = Query.query(where("consultationId").is(round.id()));
        long total = mongo.count(query, Opinion.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), Opinion.class), pageable, total);
    }

    /** Rounds still taking opinions, the meeting soonest first: what the phone page offers any worker. */
    List<Consultation> open() {
        return mongo.find(Query.query(where("status").is(Consultation.Status.GATHERING).and("opinionsUntil")
                .gte(today(clock.instant()))).with(Sort.by("opinionsUntil", "_id")).limit(50), Consultation.class);
    }

    /**
     * A worker's opinion: from a signed-in member (their id is kept unless they chose anonymous) or from anyone.
     * 404 for an unknown round, 409 once it no longer takes opinions, 422 for a topic it is not about.
     */
    Opinion giveOpinion(String id, GiveOpinion request, Caller signedIn) {
        Consultation round = Optional.ofNullable(mongo.findById(id, Consultation.class))
                .orElseThrow(() -> new ResourceNotFoundException("Consultation", id));
        Instant now = clock.instant();
        round.requireOpinionOn(request.topic(), today(now));
        String workerType = blankToNull(request.workerType());
        if (workerType != null && !workerTypes.isKnown(workerType)) {
            throw rule("worker-type", "workerType", "Unknown worker type " + workerType + ".");
        }
        boolean anonymous = request.anonymous();
        String memberId = !anonymous && signedIn != null && signedIn.has(Role.MEMBER) ? signedIn.memberId() : null;
        return mongo.insert(new Opinion(UUID.randomUUID().toString(), round.id(), round.orgPath(), request.topic(),
                request.text().strip(), workerType, anonymous, anonymous ? null : blankToNull(request.name()),
                memberId, now));
    }

    /** Records the outcome once and counts the round held in its meeting month. */
    Consultation recordOutcome(String id, RecordOutcome request, Caller caller) {
        Consultation round = get(id, caller);
        Instant now = clock.instant();
        var agreed = request.followUps() == null ? List.<Consultation.FollowUp>of()
                : request.followUps().stream().map(item -> new Consultation.FollowUp(UUID.randomUUID().toString(),
                        item.what().strip(), item.dueOn(), false, null, null, null)).toList();
        round.recordOutcome(request.heldOn(), request.kind(), request.summary().strip(), agreed, today(now),
                caller.subject(), now);
        Consultation saved = mongo.save(round);
        tallies.add(Tally.idsOf(saved.orgPath()), Map.of(Counters.CONSULTATIONS_HELD, 1L),
                YearMonth.from(request.heldOn()), Map.of(Counters.CONSULTATIONS_HELD, 1L));
        return saved;
    }

    Consultation markDone(String id, String followUpId, String note, Caller caller) {
        Consultation round = get(id, caller);
        round.markDone(followUpId, blankToNull(note), today(clock.instant()), caller.subject());
        return mongo.save(round);
    }

    LocalDate today() {
        return today(clock.instant());
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ChinaTime.ZONE);
    }

    private static PlatformProblemException rule(String rule, String field, String detail) {
        return new BusinessRuleViolationException(rule, detail).with("field", field);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
