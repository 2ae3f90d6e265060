package org.unionplatform.membership.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.events.BenefitGranted;
import org.unionplatform.membership.events.BenefitRevoked;

/** Grants reach the member's timeline; a gift pack given to a worker who is not a member (no memberId) does not. */
class TimelinesIT extends MembershipIT {

    @Autowired
    Timelines timelines;

    @Test
    void aGrantWithoutAMemberLeavesNoTimelineEntry() {
        String grantId = "g-" + UUID.randomUUID();

        timelines.onBenefitGranted(new BenefitGranted(grantId, "p-1", "夏送清凉", "SEASONAL_CAMPAIGN", null, 0L, 1,
                Instant.parse("2026-07-01T02:00:00Z")));
        timelines.onBenefitRevoked(new BenefitRevoked(grantId, null, Instant.parse("2026-07-02T02:00:00Z")));

        assertThat(mongo.getCollection("timeline").countDocuments(new Document("_id", "grant:" + grantId))).isZero();
    }

    @Test
    void aMembersGrantIsOnTheirTimeline() {
        String grantId = "g-" + UUID.randomUUID();

        timelines.onBenefitGranted(new BenefitGranted(grantId, "p-1", "夏送清凉", "SEASONAL_CAMPAIGN", "m-1", 0L, 1,
                Instant.parse("2026-07-01T02:00:00Z")));

        Document entry = mongo.getCollection("timeline").find(new Document("_id", "grant:" + grantId)).first();
        assertThat(entry).isNotNull();
        assertThat(entry.getString("memberId")).isEqualTo("m-1");
    }
}
