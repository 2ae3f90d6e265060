package org.unionplatform.membership.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.membership.application.Application;
import org.unionplatform.membership.member.HardshipFile;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.Workers;
import org.unionplatform.membership.privacy.PersonalDataReads.PersonalDataRead;

/**
 * Everything this service holds about a member, for the member: their record with their own resident ID and phone
 * in clear, their applications, transfers, service timeline and who read their data. Staff are named by role and
 * organisation only (an account name may be another person's name). Every download is audited.
 */
@Service
class MemberDataExports {

    private static final Sort OLDEST_FIRST = Sort.by(Sort.Order.asc("at"), Sort.Order.asc("_id"));

    private final MongoOperations mongo;
    private final Workers workers;
    private final PersonalDataReads reads;
    private final AuditTrail audit;
    private final Clock clock;

    MemberDataExports(MongoOperations mongo, Workers workers, PersonalDataReads reads, AuditTrail audit,
            Clock clock) {
        this.mongo = mongo;
        this.workers = workers;
        this.reads = reads;
        this.audit = audit;
        this.clock = clock;
    }

    record MemberExport(Instant exportedAt, String memberId, MemberRecord member, List<ApplicationRecord> applications,
            List<Map<String, Object>> transfers, List<Map<String, Object>> timeline,
            List<PersonalDataRead> personalDataReads) {
    }

    record MemberRecord(String id, String name, String residentId, String phone, String gender, LocalDate birthDate,
            String workerType, String platform, String companyCreditCode, String divisionCode, String organizationId,
            String organizationName, String status, String cardNumber, LocalDate joinedOn, Instant joinedAt,
            String channel, HardshipFile hardship, List<StatusChange> statusHistory, List<ContactChange> contactChanges) {
    }

    record StatusChange(String status, String reason, Instant at) {
    }

    /** A phone change as the member sees it: masked phones, by whom as a role (MEMBER or ORGANIZER). */
    record ContactChange(String field, String before, String after, String changedBy, String reason, Instant at) {
    }

    record ApplicationRecord(String id, Instant submittedAt, String status, String name, String residentId,
            String phone, String workerType, String platform, String companyCreditCode, String divisionCode,
            String organizationId, String organizationName, Instant decidedAt, String rejectionReason) {
    }

    MemberExport export(Member member) {
        var revealed = workers.reveal(member.worker());
        var w = member.worker();
        MemberRecord record = new MemberRecord(member.id(), w.name(), revealed.residentId(), revealed.phone(),
                w.gender().name(), w.birthDate(), w.workerType(), w.platform(), w.companyCreditCode(),
                w.divisionCode(), member.organizationId(), member.organizationName(), member.status().name(),
                member.cardNumber(), member.joinedOn(), member.joinedAt(), member.channel().name(),
                member.hardshipFile(), member.statusHistory().stream()
                        .map(change -> new StatusChange(change.status().name(), change.reason(), change.at()))
                        .toList(),
                member.contactChanges().stream().map(change -> new ContactChange(change.field(), change.before(),
                        change.after(), change.changedBy(), change.reason(), change.at())).toList());
        var export = new MemberExport(clock.instant(), member.id(), record, applications(member),
                documents("transfers", member.id(), Sort.by("requestedAt", "_id"),
                        List.of("requestedBy", "acceptedBy", "version", "outbox")),
                documents("timeline", member.id(), OLDEST_FIRST, List.of()),
                reads.of(member.id(), new PageQuery(0, PageQuery.MAX_SIZE).toPageRequest(Sort.unsorted())).items());
        audit.record(PersonalDataReads.EXPORTED, "member:" + member.id(), AuditOutcome.SUCCESS, Map.of());
        return export;
    }

    /** The member's applications: the one that made them a member and any other by the same person. */
    private List<ApplicationRecord> applications(Member member) {
        Query query = Query.query(new Criteria().orOperator(Criteria.where("memberId").is(member.id()),
                Criteria.where("worker.residentId.lookupHash").is(member.worker().residentIdHash())))
                .with(Sort.by("submittedAt", "_id"));
        List<ApplicationRecord> records = new ArrayList<>();
        for (Application application : mongo.find(query, Application.class)) {
            var w = application.worker();
            var revealed = workers.reveal(w);
            records.add(new ApplicationRecord(application.id(), application.submittedAt(),
                    application.status().name(), w.name(), revealed.residentId(), revealed.phone(), w.workerType(),
                    w.platform(), w.companyCreditCode(), w.divisionCode(), application.organizationId(),
                    application.organizationName(), application.decidedAt(), application.rejectionReason()));
        }
        return records;
    }

    /** A collection's documents about the member as stored, without the staff accounts that acted on them. */
    private List<Map<String, Object>> documents(String collection, String memberId, Sort order, List<String> omit) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Document document : mongo.find(Query.query(Criteria.where("memberId").is(memberId)).with(order),
                Document.class, collection)) {
            Document copy = new Document();
            copy.put("id", document.get("_id"));
            document.forEach((key, value) -> {
                if (!key.equals("_id") && !key.equals("_class") && !omit.contains(key)) {
                    copy.put(key, value instanceof java.util.Date date ? date.toInstant() : value);
                }
            });
            found.add(copy);
        }
        return found;
    }
}
