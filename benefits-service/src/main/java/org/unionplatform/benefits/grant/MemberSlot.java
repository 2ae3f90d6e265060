package org.unionplatform.benefits.grant;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One unit of a member's per-member limit, held by one grant. The id is {@code <counter>|<n>} for n in 1..limit,
 * so the unique {@code _id} makes "at most N per member per period" atomic without any transaction.
 */
@Document("member_slots")
record MemberSlot(@Id String id, String grantId, Instant takenAt) {
}
