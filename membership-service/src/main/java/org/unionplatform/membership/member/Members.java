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
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.pii.QrTokenHash;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.membership.member.MemberViews.CountRow;
import org.unionplatform.membership.member.MemberViews.Counts;
import org.unionplatform.membership.member.MemberViews.DivisionCount;
import org.unionplatform.membership.member.MemberViews.DivisionCounts;

/**
 * The member use cases behind the endpoints. Who may call each is declared on the controller; what they reach is
 * decided here: staff their subtree (404 outside it), a member their own record, another service any member.
 */
@Service
class Members {

    private final MongoOperations mongo;
    private final MemberRepository members;
    private final Workers workers;
    private final Enrolments enrolments;
    private final AuditTrail audit;
    private final Clock clock;

    Members(MongoOperations mongo, MemberRepository members, Workers workers, Enrolments enrolments,
            AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.members = members;
        this.workers = workers;
        this.enrolments = enrolments;
        this.audit = audit;
        this.clock = clock;
    }

    Page<Member> list(MemberSearch search, Pageable pageable, Caller caller) {
        Query query = Query.query(inScope(caller, search));
        long total = mongo.count(query, Member.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), Member.class), pageable, total);
    }

    /** Members in the caller's subtree counted by worker type and status. */
    Counts counts(MemberSearch search, Caller caller) {
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

    /**
     * Active members under an organisation of the caller's scope by the county-level division they work in (the
     * console's coverage). The organisation's path is the scope's own when it is the scope's root, else read from
     * a member under it (an administrator's scope is the whole tree); 404 when none is found (outside the scope, or
     * no member). Both reads are anchored path prefixes, served by the {@code scope} index.
     */
    DivisionCounts byDivision(String organizationId, Caller caller) {
        String scope = caller.isAdmin() ? "/" : caller.orgPath();
        if (scope == null || scope.isBlank()) {
            throw new ResourceNotFoundException("Organization", organizationId);
        }
        String prefix = scope;
        if (!scope.endsWith("/" + organizationId + "/")) {
            Query below = Query.query(Criteria.where("orgPath").regex("^" + java.util.regex.Pattern.quote(scope)
                    + "(.*/)?" + java.util.regex.Pattern.quote(organizationId) + "/"));
            below.fields().include("orgPath");
            Document member = mongo.findOne(below, Document.class, "members");
            if (member == null) {
                throw new ResourceNotFoundException("Organization", organizationId);
            }
            String path = member.getString("orgPath");
            prefix = path.substring(0, path.indexOf("/" + organizationId + "/") + organizationId.length() + 2);
        }
        // Grouped by status too and filtered after, so the match is the path prefix alone (the scope index).
        var aggregation = newAggregation(
                match(Criteria.where("orgPath").regex("^" + java.util.regex.Pattern.quote(prefix))),
                group("worker.divisionCode", "status").count().as("count"));
        Map<String, Long> districts = new java.util.TreeMap<>();
        for (Document row : mongo.aggregate(aggregation, Member.class, Document.class)) {
            Document id = row.get("_id", Document.class);
            String division = id.getString("divisionCode");
            if (MemberStatus.ACTIVE.name().equals(id.getString("status")) && division != null
                    && division.length() >= 6) {
                districts.merge(division.substring(0, 6), ((Number) row.get("count")).longValue(), Long::sum);
            }
        }
        List<DivisionCount> rows = districts.entrySet().stream()
                .map(entry -> new DivisionCount(entry.getKey(), entry.getValue())).toList();
        return new DivisionCounts(organizationId, rows.stream().mapToLong(DivisionCount::members).sum(), rows);
    }

    /** The calling member's own record. */
    Member own(Caller caller) {
        return AccessScope.of(caller).requireSelf(Optional.ofNullable(caller.memberId()).flatMap(members::findById),
                Member::id, "Member", caller.memberId());
    }

    /** A fresh QR token for the member's own card; the previous one stops working. */
    QrTokens.Issued replaceQrToken(Caller caller) {
        Member member = own(caller);
        var issued = QrTokens.issue();
        member.replaceQrToken(issued.hash());
        members.save(member);
        audit.record("QR_TOKEN_ISSUED", "member:" + member.id(), AuditOutcome.SUCCESS, Map.of());
        return issued;
    }

    /** A member reads only their own record; staff any in their subtree. */
    Member one(String memberId, Caller caller) {
        if (caller.has(Role.MEMBER) && !caller.hasAny(Role.ORGANIZER, Role.ADMIN)) {
            return AccessScope.of(caller).requireSelf(members.findById(memberId), Member::id, "Member", memberId);
        }
        return staffInScope(memberId, caller);
    }

    /** The full resident ID and phone; every read is audited. */
    Workers.RevealedPersonalData personalData(String memberId, Caller caller) {
        Member member = staffInScope(memberId, caller);
        var revealed = workers.reveal(member.worker());
        audit.record("PERSONAL_DATA_READ", "member:" + memberId, AuditOutcome.SUCCESS, reader(caller));
        return revealed;
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

    /** Today in Asia/Shanghai, by this service's clock. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
    }

    /** Another service asks about any member; a benefit officer about members in their subtree. */
    Member forEligibility(String memberId, Caller caller) {
        var found = members.findById(memberId);
        if (caller.has(Role.SERVICE)) {
            return found.orElseThrow(() -> new ResourceNotFoundException("Member", memberId));
        }
        return AccessScope.of(caller).requireInSubtree(found, Member::orgPath, "Member", memberId);
    }

    /**
     * Whose card or QR code this is (exactly one of card number, QR token, or the QR token's hash, which
     * station-service keeps of a visit it could not verify at once); 404 for an unknown one. A benefit officer
     * (without a wider role) reaches only the members of their subtree: any other card answers 404 as unknown.
     */
    Member holderOf(String cardNumber, String qrToken, String qrTokenHash, Caller caller) {
        boolean byCard = cardNumber != null && !cardNumber.isBlank();
        boolean byQr = qrToken != null && !qrToken.isBlank();
        boolean byHash = qrTokenHash != null && !qrTokenHash.isBlank();
        if ((byCard ? 1 : 0) + (byQr ? 1 : 0) + (byHash ? 1 : 0) != 1) {
            throw new BusinessRuleViolationException("one-credential",
                    "Give exactly one of cardNumber, qrToken or qrTokenHash.");
        }
        Optional<Member> found = byCard
                ? (CardNumbers.isWellFormed(cardNumber.strip())
                        ? members.findByCardNumber(cardNumber.strip()) : Optional.empty())
                : members.findByQrTokenHash(byQr ? QrTokenHash.of(qrToken) : qrTokenHash);
        if (caller.has(Role.BENEFIT_OFFICER) && !caller.hasAny(Role.SERVICE, Role.STATION_ATTENDANT, Role.ADMIN)) {
            return AccessScope.of(caller).requireInSubtree(found, Member::orgPath, "Card", "presented");
        }
        return found.orElseThrow(() -> new ResourceNotFoundException("Card", "presented"));
    }

    Member suspend(String memberId, String reason, Caller caller) {
        Member member = staffInScope(memberId, caller);
        member.suspend(reason, caller.subject(), clock.instant());
        return members.save(member);
    }

    Member reinstate(String memberId, String reason, Caller caller) {
        Member member = staffInScope(memberId, caller);
        member.reinstate(reason, caller.subject(), clock.instant());
        return members.save(member);
    }

    /** An organizer in scope records a withdrawal; a member may withdraw themselves. */
    Member withdraw(String memberId, String reason, Caller caller) {
        Member member = caller.hasAny(Role.ORGANIZER, Role.ADMIN) ? staffInScope(memberId, caller)
                : AccessScope.of(caller).requireSelf(members.findById(memberId), Member::id, "Member", memberId);
        member.withdraw(reason, caller.subject(), clock.instant());
        return members.save(member);
    }

    /**
     * An organizer in scope of the union a member withdrew from admits them again into that union (409 unless
     * withdrawn). Joining another union is a new application. The card number stays; a new QR token is issued.
     */
    Enrolments.Enrolled readmit(String memberId, String reason, Caller caller) {
        Member member = staffInScope(memberId, caller);
        return enrolments.rejoin(member, member.worker(),
                new Union(member.organizationId(), member.organizationName(), member.orgPath()), reason,
                caller.subject());
    }

    private Member staffInScope(String memberId, Caller caller) {
        return AccessScope.of(caller).requireInSubtree(members.findById(memberId), Member::orgPath, "Member", memberId);
    }

    private Criteria inScope(Caller caller, MemberSearch search) {
        List<Criteria> conditions = new ArrayList<>(List.of(AccessScope.of(caller).subtree("orgPath")));
        conditions.addAll(search.criteria(workers));
        return new Criteria().andOperator(conditions);
    }
}
