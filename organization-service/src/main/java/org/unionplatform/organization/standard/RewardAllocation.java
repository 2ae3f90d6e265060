package org.unionplatform.organization.standard;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The special reward fund's allocation to one new union whose pass of the standard was confirmed. Keyed by the
 * union's id: a union is rewarded once, however often it is assessed again.
 *
 * @param id           the union's id
 * @param amount       yuan, as configured when the pass was confirmed
 * @param assessmentId the confirmed assessment it rests on
 */
@Document(RewardAllocation.COLLECTION)
record RewardAllocation(@Id String id, long amount, String assessmentId, String confirmedBy, Instant confirmedAt) {

    static final String COLLECTION = "reward_allocations";
}
