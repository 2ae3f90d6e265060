package org.unionplatform.membership.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.People;
import org.unionplatform.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/** The benefit officer's desk finds a member by the card shown: in scope only, exact, spaces ignored. */
class MemberSearchIT extends MembershipIT {

    @Test
    void anOfficerFindsAMemberOfTheirSubtreeByCardNumberAndNoOneElse() {
        JsonNode approval = member();
        member();
        String card = approval.get("cardNumber").asString();
        String grouped = card.substring(0, 4) + " " + card.substring(4, 8) + " " + card.substring(8, 12) + " "
                + card.substring(12);

        JsonNode found = json(httpGet("/api/members?cardNumber=" + grouped.replace(" ", "%20"),
                TestTokens.benefitOfficer(SHOUQI_PATH)));
        assertThat(found.get("totalItems").asLong()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(approval.get("memberId").asString());
        assertThat(found.get("items").get(0).get("cardNumber").asString()).isEqualTo(card);

        JsonNode elsewhere = json(httpGet("/api/members?cardNumber=" + card, TestTokens.benefitOfficer(RONGCHENG_PATH)));
        assertThat(elsewhere.get("totalItems").asLong()).as("a member outside the officer's subtree").isZero();
        assertThat(httpGet("/api/members?cardNumber=" + "1".repeat(33), TestTokens.benefitOfficer(SHOUQI_PATH))
                .status()).isEqualTo(400);
    }

    /** Approved once the dispatch round has finished with the application (approving during it is a 409). */
    private JsonNode member() {
        String applicationId = dispatchedApplication(People.residentId());
        String organizer = TestTokens.organizer(SHOUQI_PATH);
        await().atMost(Duration.ofSeconds(20)).until(() -> "PENDING_APPROVAL".equals(json(httpGet(
                "/api/members/applications/" + applicationId, organizer)).get("status").asString()));
        var approval = httpPost("/api/members/applications/" + applicationId + "/approval", organizer, null);
        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
        return json(approval);
    }
}
