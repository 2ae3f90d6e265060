package org.unionplatform.membership.bulk;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.unionplatform.membership.bulk.BulkReportChunk.Line;

/**
 * Admits the people held for a union being founded once the union one level up approved it
 * ({@code organization.established} with the founding's id; bound in {@code Subscriptions}): each held batch is
 * claimed, admitted like any batch (someone who became a member elsewhere meanwhile gets a report line), announced,
 * counted on its enrolment and removed. A redelivered event finds nothing left; a claim older than
 * {@link #CLAIM_LEASE} (its admission stopped half-way) is taken over, and admission repeats exactly.
 */
@Component
public class FoundingAdmissions {

    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);
    /** Report chunks of admissions sort after the file's own batches. */
    private static final int REPORT_SEQUENCE_BASE = 1 << 30;

    private final MongoOperations mongo;
    private final BulkMembers members;
    private final BulkEnrolmentRepository enrolments;
    private final Clock clock;

    FoundingAdmissions(MongoOperations mongo, BulkMembers members, BulkEnrolmentRepository enrolments, Clock clock) {
        this.mongo = mongo;
        this.members = members;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    /** The union {@code organizationId} exists now: everyone held for it becomes a member. */
    public void onEstablished(String organizationId) {
        for (HeldMembers held : mongo.find(Query.query(where("organizationId").is(organizationId)),
                HeldMembers.class)) {
            claim(held).ifPresent(this::admit);
        }
    }

    private Optional<HeldMembers> claim(HeldMembers held) {
        Instant now = clock.instant();
        Query unclaimed = Query.query(where("_id").is(held.id()).orOperator(where("claimedAt").is(null),
                where("claimedAt").lt(now.minus(CLAIM_LEASE))));
        return Optional.ofNullable(mongo.findAndModify(unclaimed, Update.update("claimedAt", now),
                FindAndModifyOptions.options().returnNew(true), HeldMembers.class));
    }

    private void admit(HeldMembers held) {
        var enrolment = enrolments.findById(held.enrolmentId());
        if (enrolment.isEmpty()) {
            mongo.remove(held);
            return;
        }
        List<Line> report = new ArrayList<>();
        var admission = members.admitNow(enrolment.get(), held.candidates(), held.column(), report);
        if (!admission.admitted().isEmpty()) {
            members.announce(held.enrolmentId(), held.firstLine(), admission.admitted());
        }
        if (!report.isEmpty()) {
            enrolments.saveReport(new BulkReportChunk(held.id(), held.enrolmentId(),
                    REPORT_SEQUENCE_BASE + (int) held.firstLine(), List.copyOf(report)));
        }
        enrolments.recordAdmission(held.enrolmentId(), held.candidates().size(), admission.admitted().size(),
                admission.alreadyMembers());
        mongo.remove(held);
    }
}
