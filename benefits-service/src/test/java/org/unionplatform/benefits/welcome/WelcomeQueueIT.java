package org.unionplatform.benefits.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.unionplatform.benefits.grant.Grant;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The waiting list through the API (who, since when, for which program; paged; in scope), and members waiting on a
 * program that closes served, in order, by the next open one, or by the next one to open.
 */
class WelcomeQueueIT extends WelcomeIT {

    @Test
    void theWaitingListIsVisibleInOrderAndFollowsTheMembersToTheNextProgramWhenOneCloses() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String first = openProgram(officer, welcomeProgram(org, 0));
        Instant start = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String memberId = "q" + i + "-" + org.unionId();
            members.add(memberId);
            publish(UUID.randomUUID(), memberId, org, start.plusSeconds(i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> members.stream()
                .allMatch(m -> mongo.findById(WelcomeEntry.idOf(m), WelcomeEntry.class) != null));
        assertThat(memberIds(queue(officer, ""))).containsExactlyElementsOf(members);
        assertThat(post("/api/benefits/programs/" + first + "/stock", officer, Map.of("items", 1)).status())
                .isEqualTo(200);

        JsonNode page0 = queue(TestTokens.organizer(org.districtPath()), "?size=2&page=0");
        assertThat(page0.get("totalItems").asLong()).isEqualTo(4);
        assertThat(memberIds(page0)).containsExactly(members.get(1), members.get(2));
        assertThat(page0.get("items").get(0).get("programId").asString()).isEqualTo(first);
        assertThat(Instant.parse(page0.get("items").get(0).get("queuedAt").asString())).isEqualTo(start.plusSeconds(1));
        assertThat(memberIds(queue(officer, "?size=2&page=1"))).containsExactly(members.get(3), members.get(4));
        assertThat(memberIds(queue(officer, "?status=SERVED"))).containsExactly(members.get(0));
        assertThat(queue(TestTokens.benefitOfficer(newOrg().districtPath()), "").get("totalItems").asLong()).isZero();
        assertThat(get("/api/benefits/welcome-queue", TestTokens.member(members.get(1))).status()).isEqualTo(403);

        String next = openProgram(officer, welcomeProgram(org, 2));
        assertThat(post("/api/benefits/programs/" + first + "/close", officer, null).status()).isEqualTo(200);

        assertThat(packs(next)).extracting(Grant::memberId).containsExactlyInAnyOrder(members.get(1), members.get(2));
        JsonNode waiting = queue(officer, "");
        assertThat(memberIds(waiting)).containsExactly(members.get(3), members.get(4));
        assertThat(waiting.get("items").get(0).get("programId").asString()).isEqualTo(next);

        // No open program left: the last two wait on a closed one until another opens, and are served by it.
        assertThat(post("/api/benefits/programs/" + next + "/close", officer, null).status()).isEqualTo(200);
        assertThat(memberIds(queue(officer, ""))).containsExactly(members.get(3), members.get(4));
        String third = openProgram(officer, welcomeProgram(org, 1));
        assertThat(packs(third)).extracting(Grant::memberId).containsExactly(members.get(3));
        JsonNode last = queue(officer, "");
        assertThat(memberIds(last)).containsExactly(members.get(4));
        assertThat(last.get("items").get(0).get("programId").asString()).isEqualTo(third);
    }

    private JsonNode queue(String token, String query) {
        HttpAnswer answer = get("/api/benefits/welcome-queue" + query, token);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> memberIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("memberId").asString()));
        return ids;
    }
}
