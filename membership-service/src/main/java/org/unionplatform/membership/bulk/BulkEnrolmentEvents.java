package org.unionplatform.membership.bulk;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.events.OutboxAggregate;
import org.unionplatform.membership.member.Member;

/**
 * The {@code membership.approved} events of the members one batch of a bulk enrolment inserted, in one outbox
 * document keyed by the enrolment and the batch's first line. The relay then claims, publishes and removes a
 * thousand events with a few writes instead of rewriting a thousand member documents twice.
 * <p>
 * Written after the batch's members. A repeated batch (a retry, or the same file resumed) writes it again under
 * the same key with the same event ids, so consumers, which apply each event id once, see each member once.
 */
@Document("bulk_enrolment_events")
class BulkEnrolmentEvents extends OutboxAggregate {

    @Id
    private final String id;
    private final String enrolmentId;
    private final Instant createdAt;

    @PersistenceCreator
    BulkEnrolmentEvents(String id, String enrolmentId, Instant createdAt) {
        this.id = id;
        this.enrolmentId = enrolmentId;
        this.createdAt = createdAt;
    }

    static BulkEnrolmentEvents of(String enrolmentId, long firstLine, List<Member> admitted, Instant now) {
        var events = new BulkEnrolmentEvents(enrolmentId + ":" + firstLine, enrolmentId, now);
        for (Member member : admitted) {
            events.registerEvent(approvedEventId(member.id()), member.approvedEvent());
        }
        return events;
    }

    /** The same member always gets the same event id, however often its batch is repeated. */
    static UUID approvedEventId(String memberId) {
        return UUID.nameUUIDFromBytes(("membership.approved:" + memberId).getBytes(StandardCharsets.UTF_8));
    }
}
