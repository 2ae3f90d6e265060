package org.unionplatform.benefits.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.unionplatform.benefits.grant.Grant;
import org.unionplatform.testsupport.security.TestTokens;

/** Welcome packs driven by real membership.approved envelopes published on the test exchange. */
class WelcomePackIT extends WelcomeIT {

    @Test
    void membershipApprovedDeliveredTwiceGivesOneWelcomePack() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, welcomeProgram(org, 10));
        String memberId = "w-" + org.unionId();
        UUID eventId = UUID.randomUUID();
        Instant approvedAt = Instant.now();

        publish(eventId, memberId, org, approvedAt);
        publish(eventId, memberId, org, approvedAt);
        // The producer publishing the same fact again under a new event id must not give a second pack either.
        publish(UUID.randomUUID(), memberId, org, approvedAt);

        await().atMost(Duration.ofSeconds(30)).until(() -> packs(programId).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> packs(programId).size() == 1);
        assertThat(packs(programId).getFirst().memberId()).isEqualTo(memberId);
        var program = program(programId, officer);
        assertThat(program.get("stockAvailable").asLong()).isEqualTo(9);
        assertThat(program.get("stockIssued").asLong()).isEqualTo(1);
    }

    @Test
    void withoutStockMembersWaitAndAreServedInOrderWhenStockArrives() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, welcomeProgram(org, 1));
        Instant start = Instant.now().minusSeconds(60);
        List<String> members = List.of("first-" + org.unionId(), "second-" + org.unionId(), "third-" + org.unionId());
        for (int i = 0; i < members.size(); i++) {
            publish(UUID.randomUUID(), members.get(i), org, start.plusSeconds(i));
            String expectedWaiting = members.get(i);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mongo.findById(WelcomeEntry.idOf(expectedWaiting), WelcomeEntry.class) != null);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> packs(programId).size() == 1);
        assertThat(packs(programId)).extracting(Grant::memberId).containsExactly(members.get(0));

        assertThat(post("/api/benefits/programs/" + programId + "/stock", officer, Map.of("items", 1)).status())
                .isEqualTo(200);
        assertThat(packs(programId)).extracting(Grant::memberId).containsExactlyInAnyOrder(members.get(0), members.get(1));

        post("/api/benefits/programs/" + programId + "/stock", officer, Map.of("items", 5));
        assertThat(packs(programId)).extracting(Grant::memberId).containsExactlyInAnyOrderElementsOf(members);
        assertThat(program(programId, officer).get("stockAvailable").asLong()).isEqualTo(4);
    }
}
