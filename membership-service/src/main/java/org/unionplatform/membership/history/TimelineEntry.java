package org.unionplatform.membership.history;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of a member's service history, keyed by what it records ({@code visit:<visitId>},
 * {@code grant:<grantId>}, {@code claim:<claimId>}): a redelivered or repeated event writes the same document
 * with the same values, so applying it again changes nothing.
 */
@Document("timeline")
@CompoundIndex(name = "member_by_time", def = "{'memberId': 1, 'at': -1, '_id': 1}")
// The member's data export reads oldest first.
@CompoundIndex(name = "member_oldest_first", def = "{'memberId': 1, 'at': 1, '_id': 1}")
record TimelineEntry(@Id String id, String memberId, String kind, Instant at, String title, String placeId,
        String placeName, Long amountFen, String items, String outcome, List<String> services) {
}
