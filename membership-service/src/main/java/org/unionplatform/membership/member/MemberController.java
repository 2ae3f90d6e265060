package org.unionplatform.membership.member;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.sort;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.membership.member.MemberViews.CardHolder;
import org.unionplatform.membership.member.MemberViews.CountRow;
import org.unionplatform.membership.member.MemberViews.Counts;
import org.unionplatform.membership.member.MemberViews.Eligibility;
import org.unionplatform.membership.member.MemberViews.MemberSummary;
import org.unionplatform.membership.member.MemberViews.MemberView;
import org.unionplatform.membership.member.MemberViews.PersonalData;
import org.unionplatform.membership.member.MemberViews.QrToken;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/members")
@Validated
class MemberController {

    /** Newest first, then by id: a stable order, so pages neither skip nor repeat members. */
    private static final Sort STABLE_ORDER = Sort.by(Sort.Order.desc("joinedAt"), Sort.Order.asc("_id"));

    private final MongoOperations mongo;
    private final MemberRepository members;
    private final Workers workers;
    private final AuditTrail audit;
    private final Clock clock;

    MemberController(MongoOperations mongo, MemberRepository members, Workers workers, AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.members = members;
        this.workers = workers;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    PageResponse<MemberSummary> list(@RequestParam(required = false) String workerType,
            @RequestParam(required = false) MemberStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedTo,
            @RequestParam(required = false) String platform, @RequestParam(required = false) String name,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String organizationId,
            @Valid PageQuery paging, Caller caller) {
        var search = new MemberSearch(workerType, status, joinedFrom, joinedTo, platform, name, phone, organizationId);
        Query query = Query.query(inScope(caller, search));
        var pageable = paging.toPageRequest(STABLE_ORDER);
        long total = mongo.count(query, Member.class);
        var page = mongo.find(Query.of(query).with(pageable), Member.class);
        return PageResponse.of(new PageImpl<>(page, pageable, total), MemberSummary::of);
    }

    /** Members in the caller's subtree counted by worker type and status (same filters as the list). */
    @GetMapping("/counts")
    Counts counts(@RequestParam(required = false) String workerType,
            @RequestParam(required = false) MemberStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedTo,
            @RequestParam(required = false) String platform, @RequestParam(required = false) String organizationId,
            Caller caller) {
        var search = new MemberSearch(workerType, status, joinedFrom, joinedTo, platform, null, null, organizationId);
        var aggregation = newAggregation(match(inScope(caller, search)),
                group("worker.workerType", "status").count().as("count"),
                sort(Sort.by("_id.workerType", "_id.status")));
        List<CountRow> rows = new ArrayList<>();
        long total = 0;
        for (Document row : mongo.aggregate(aggregation, Member.class, Document.class)) {
            Document id = row.get("_id", Document.class);
            long count = ((Number) row.get("count")).longValue();
            rows.add(new CountRow(id.getString("workerType"), id.getString("status"), count));
            total += count;
        }
        return new Counts(total, rows);
    }

    private Criteria inScope(Caller caller, MemberSearch search) {
        var scope = AccessScope.of(caller);
        scope.requireAnyRole(Role.ORGANIZER, Role.BENEFIT_OFFICER, Role.ADMIN);
        List<Criteria> conditions = new ArrayList<>(List.of(scope.subtree("orgPath")));
        conditions.addAll(search.criteria(workers));
        return new Criteria().andOperator(conditions);
    }

    /** A member's own record. */
    @GetMapping("/me")
    MemberView me(Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.MEMBER);
        return MemberView.of(own(caller));
    }

    /** A fresh QR token for the member's own card; the previous one stops working. Shown once. */
    @PostMapping("/me/qr-token")
    QrToken newQrToken(Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.MEMBER);
        Member member = own(caller);
        var issued = QrTokens.issue();
        member.replaceQrToken(issued.hash());
        members.save(member);
        audit.record("membership.qr-token-issued", member.id(), AuditOutcome.SUCCESS, Map.of());
        return new QrToken(member.id(), issued.token());
    }

    private Member own(Caller caller) {
        return AccessScope.of(caller).requireSelf(Optional.ofNullable(caller.memberId()).flatMap(members::findById),
                Member::id, "Member", caller.memberId());
    }

    @GetMapping("/{memberId}")
    MemberView one(@PathVariable String memberId, Caller caller) {
        var scope = AccessScope.of(caller);
        if (caller.has(Role.MEMBER) && !caller.hasAny(Role.ORGANIZER, Role.ADMIN)) {
            return MemberView.of(scope.requireSelf(members.findById(memberId), Member::id, "Member", memberId));
        }
        return MemberView.of(staffInScope(memberId, caller));
    }

    /** The full resident ID and phone, for an organizer who must contact the member; every read is audited. */
    @GetMapping("/{memberId}/personal-data")
    PersonalData personalData(@PathVariable String memberId, Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.ORGANIZER, Role.ADMIN);
        Member member = staffInScope(memberId, caller);
        var revealed = workers.reveal(member.worker());
        audit.record("membership.personal-data-read", memberId, AuditOutcome.SUCCESS, reader(caller));
        return new PersonalData(memberId, revealed.residentId(), revealed.phone());
    }

    /** Who read, as the member is shown it (roles and organisation, never the reader's name or account). */
    private static Map<String, String> reader(Caller caller) {
        Map<String, String> details = new java.util.TreeMap<>();
        details.put("readerRoles", caller.roles().stream().map(Role::name).sorted()
                .collect(java.util.stream.Collectors.joining(",")));
        if (caller.orgPath() != null) {
            details.put("readerOrgPath", caller.orgPath());
        }
        return details;
    }

    /** benefits-service asks; a benefit officer may ask about members in their subtree. */
    @GetMapping("/{memberId}/eligibility")
    Eligibility eligibility(@PathVariable String memberId, Caller caller) {
        var scope = AccessScope.of(caller);
        scope.requireAnyRole(Role.SERVICE, Role.BENEFIT_OFFICER, Role.ADMIN);
        var found = members.findById(memberId);
        if (caller.has(Role.SERVICE)) {
            return Eligibility.of(found.orElseThrow(() -> new ResourceNotFoundException("Member", memberId)));
        }
        return Eligibility.of(scope.requireInSubtree(found, Member::orgPath, "Member", memberId));
    }

    record CardVerificationRequest(@Size(max = 32) String cardNumber, @Size(max = 128) String qrToken) {
    }

    /** station-service asks whose card or QR code this is. */
    @PostMapping("/card-verifications")
    CardHolder verifyCard(@Valid @RequestBody CardVerificationRequest request, Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.SERVICE, Role.STATION_ATTENDANT, Role.ADMIN);
        boolean byCard = request.cardNumber() != null && !request.cardNumber().isBlank();
        boolean byQr = request.qrToken() != null && !request.qrToken().isBlank();
        if (byCard == byQr) {
            throw new org.unionplatform.common.web.BusinessRuleViolationException("one-credential",
                    "Give either a cardNumber or a qrToken.");
        }
        Optional<Member> found = byCard
                ? (CardNumbers.isWellFormed(request.cardNumber().strip())
                        ? members.findByCardNumber(request.cardNumber().strip()) : Optional.empty())
                : members.findByQrTokenHash(QrTokens.hash(request.qrToken().strip()));
        return CardHolder.of(found.orElseThrow(() -> new ResourceNotFoundException("Card", "presented")));
    }

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/{memberId}/suspension")
    MemberView suspend(@PathVariable String memberId, @Valid @RequestBody ReasonRequest request, Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.ORGANIZER, Role.ADMIN);
        Member member = staffInScope(memberId, caller);
        member.suspend(request.reason().strip(), caller.subject(), clock.instant());
        return MemberView.of(members.save(member));
    }

    @PostMapping("/{memberId}/reinstatement")
    MemberView reinstate(@PathVariable String memberId, @Valid @RequestBody ReasonRequest request, Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.ORGANIZER, Role.ADMIN);
        Member member = staffInScope(memberId, caller);
        member.reinstate(request.reason().strip(), caller.subject(), clock.instant());
        return MemberView.of(members.save(member));
    }

    /** An organizer in scope records a withdrawal; a member may withdraw themselves. */
    @PostMapping("/{memberId}/withdrawal")
    MemberView withdraw(@PathVariable String memberId, @Valid @RequestBody ReasonRequest request, Caller caller) {
        var scope = AccessScope.of(caller);
        scope.requireAnyRole(Role.ORGANIZER, Role.ADMIN, Role.MEMBER);
        Member member = caller.hasAny(Role.ORGANIZER, Role.ADMIN) ? staffInScope(memberId, caller)
                : scope.requireSelf(members.findById(memberId), Member::id, "Member", memberId);
        member.withdraw(request.reason().strip(), caller.subject(), clock.instant());
        return MemberView.of(members.save(member));
    }

    private Member staffInScope(String memberId, Caller caller) {
        var scope = AccessScope.of(caller);
        scope.requireAnyRole(Role.ORGANIZER, Role.BENEFIT_OFFICER, Role.ADMIN);
        return scope.requireInSubtree(members.findById(memberId), Member::orgPath, "Member", memberId);
    }

}
