package org.unionplatform.membership.bulk;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The valid new people of one batch of a bulk enrolment into a union being founded: checked like any row, held here
 * and not yet members (a union exists only once the union one level up approves its founding), then admitted as a
 * batch when it does ({@link FoundingAdmissions}). A repeated batch writes the same document again.
 *
 * @param id        {@code <enrolmentId>:held:<first line>}
 * @param column    the report column for a person who became a member elsewhere meanwhile
 * @param claimedAt when an admission took it (another may take it over once that is stale)
 */
@Document("bulk_held_members")
record HeldMembers(@Id String id, @Indexed String organizationId, String enrolmentId, long firstLine, String column,
        List<BulkMembers.Candidate> candidates, Instant heldAt, Instant claimedAt) {

    HeldMembers {
        candidates = List.copyOf(candidates);
    }
}
