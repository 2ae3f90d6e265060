package org.unionplatform.membership.application;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.pii.QrTokenHash;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.People;
import org.unionplatform.testsupport.security.TestTokens;

import com.github.tomakehurst.wiremock.http.Fault;

class ApplicationFlowIT extends MembershipIT {

    @Test
    void appliedDispatchedApprovedMemberGetsACardAndTheBusHearsOfIt() {
        var applied = httpPost("/api/members/applications", null,
                People.applicationJson("李师傅", People.residentId(), People.phone(), "RIDE_HAILING_DRIVER"));
        assertThat(applied.status()).isEqualTo(202);
        String applicationId = json(applied).get("receiptCode").asString();
        var dispatched = httpGet("/api/members/applications/" + applicationId, TestTokens.organizer(SHOUQI_PATH));
        assertThat(json(dispatched).get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(json(dispatched).get("organizationName").asString()).isEqualTo("首汽约车西安分公司工会");
        ORGANIZATION_SERVICE.verify(postRequestedFor(urlEqualTo("/api/organizations/dispatch"))
                .withHeader("Authorization", matchingRegex("Bearer .+"))
                .withRequestBody(matchingJsonPath("$.workerType", equalTo("RIDE_HAILING_DRIVER")))
                .withRequestBody(matchingJsonPath("$.divisionCode", equalTo("610103"))));

        var queue = httpGet("/api/members/applications?status=PENDING_APPROVAL&size=200", TestTokens.organizer(SHOUQI_PATH));
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains(applicationId).doesNotContain(People.class.getName());

        var approval = httpPost("/api/members/applications/" + applicationId + "/approval",
                TestTokens.organizer(SHOUQI_PATH), null);
        assertThat(approval.status()).isEqualTo(200);
        String memberId = json(approval).get("memberId").asString();
        String cardNumber = json(approval).get("cardNumber").asString();
        assertThat(cardNumber).matches("610103\\d{10}");
        String qrToken = json(approval).get("qrToken").asString();
        assertThat(qrToken).hasSizeGreaterThanOrEqualTo(43);
        // station-service asks by the token, or by its hash for a visit it recorded unverified
        var byToken = httpPost("/api/members/card-verifications", TestTokens.service("station-service"),
                "{\"qrToken\":\"" + qrToken + "\"}");
        var byHash = httpPost("/api/members/card-verifications", TestTokens.service("station-service"),
                "{\"qrTokenHash\":\"" + QrTokenHash.of(qrToken) + "\"}");
        var both = httpPost("/api/members/card-verifications", TestTokens.service("station-service"),
                "{\"qrToken\":\"" + qrToken + "\",\"qrTokenHash\":\"" + QrTokenHash.of(qrToken) + "\"}");
        assertThat(json(byToken).get("memberId").asString()).isEqualTo(memberId);
        assertThat(json(byHash).get("memberId").asString()).isEqualTo(memberId);
        assertThat(both.status()).isEqualTo(422);
        // the officer's desk scans the e-card: a member of the officer's subtree, else not found
        var atDesk = httpPost("/api/members/card-verifications", TestTokens.benefitOfficer(SHOUQI_PATH),
                "{\"qrToken\":\"" + qrToken + "\"}");
        assertThat(json(atDesk).get("cardNumber").asString()).isEqualTo(cardNumber);
        assertThat(httpPost("/api/members/card-verifications", TestTokens.benefitOfficer("/cn/elsewhere/"),
                "{\"qrToken\":\"" + qrToken + "\"}").status()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events("membership.approved"))
                .anySatisfy(event -> {
                    assertThat(event.payload().get("memberId").asString()).isEqualTo(memberId);
                    assertThat(event.payload().get("cardNumber").asString()).isEqualTo(cardNumber);
                    assertThat(event.payload().get("orgPath").asString()).isEqualTo(SHOUQI_PATH);
                    assertThat(event.payload().get("channel").asString()).isEqualTo("APPLICATION");
                    assertThat(event.payload().has("residentId")).isFalse();
                }));
    }

    @Test
    void aMemberWhoAppliesAgainIsAnsweredLikeAnyoneAndStaysOneMember() {
        String residentId = People.residentId();
        String memberId = approvedMember(residentId).get("memberId").asString();

        var again = httpPost("/api/members/applications", null,
                People.applicationJson("李师傅", residentId, People.phone(), "COURIER"));

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body()).doesNotContain(memberId).doesNotContain("ALREADY");
        assertThat(mongo.getCollection("members").countDocuments(
                new org.bson.Document("_id", memberId))).isEqualTo(1);
    }

    @Test
    void applyingTwiceWhileOpenReturnsTheSameApplication() {
        String residentId = People.residentId();
        String first = dispatchedApplication(residentId);

        var again = httpPost("/api/members/applications", null,
                People.applicationJson("李师傅", residentId, People.phone(), "RIDE_HAILING_DRIVER"));

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body()).doesNotContain(first);
        assertThat(mongo.getCollection("applications").countDocuments(new org.bson.Document("worker.residentId.lookupHash",
                mongo.getCollection("applications").find(new org.bson.Document("_id", first)).first()
                        .get("worker", org.bson.Document.class).get("residentId", org.bson.Document.class)
                        .getString("lookupHash")))).as("still one application").isEqualTo(1);
    }

    @Test
    void withTheDispatcherUnreachableTheApplicationWaitsAndIsDispatchedOnceItAnswers() {
        ORGANIZATION_SERVICE.stubFor(post(urlEqualTo("/api/organizations/dispatch"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        var applied = httpPost("/api/members/applications", null,
                People.applicationJson("赵师傅", People.residentId(), People.phone(), "RIDE_HAILING_DRIVER"));
        assertThat(applied.status()).isEqualTo(202);
        String applicationId = json(applied).get("receiptCode").asString();
        assertThat(json(httpGet("/api/members/applications/" + applicationId, TestTokens.admin())).get("status")
                .asString()).isEqualTo("AWAITING_DISPATCH");

        dispatchTo("rongcheng-union", "荣橙出行工会", RONGCHENG_PATH);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var seen = httpGet("/api/members/applications/" + applicationId, TestTokens.organizer(RONGCHENG_PATH));
            assertThat(seen.status()).isEqualTo(200);
            assertThat(json(seen).get("status").asString()).isEqualTo("PENDING_APPROVAL");
            assertThat(json(seen).get("organizationId").asString()).isEqualTo("rongcheng-union");
        });
    }

    @Test
    void whenNoUnionMatchesTheApplicationKeepsWaiting() {
        ORGANIZATION_SERVICE.stubFor(post(urlEqualTo("/api/organizations/dispatch")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Not found\",\"status\":404}")));

        var applied = httpPost("/api/members/applications", null,
                People.applicationJson("钱师傅", People.residentId(), People.phone(), "DOMESTIC_WORKER"));

        assertThat(applied.status()).isEqualTo(202);
        var stored = httpGet("/api/members/applications/" + json(applied).get("receiptCode").asString(),
                TestTokens.admin());
        assertThat(json(stored).get("dispatchProblem").asString()).isEqualTo(Applications.NO_MATCHING_UNION);
    }

    @Test
    void rejectionNeedsAReasonAndIsPublished() {
        String applicationId = dispatchedApplication(People.residentId());
        String organizer = TestTokens.organizer(SHOUQI_PATH);

        assertThat(httpPost("/api/members/applications/" + applicationId + "/rejection", organizer, "{\"reason\":\" \"}")
                .status()).isEqualTo(400);
        var rejected = httpPost("/api/members/applications/" + applicationId + "/rejection", organizer,
                "{\"reason\":\"不在本平台工作\"}");

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(json(rejected).get("status").asString()).isEqualTo("REJECTED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events("membership.rejected"))
                .anySatisfy(event -> assertThat(event.payload().get("applicationId").asString()).isEqualTo(applicationId)));
        assertThat(httpPost("/api/members/applications/" + applicationId + "/approval", organizer, null).status())
                .isEqualTo(409);
    }

    @Test
    void anApplicationLeftUnhandledIsFlaggedToTheFederationAboveWhereNoneIsKnownItsParent() {
        String applicationId = dispatchedApplication(People.residentId());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var seen = httpGet("/api/members/applications?escalated=true&size=200",
                    TestTokens.organizer("/shaanxi/xian/xian-ride-hailing-federation/"));
            assertThat(seen.body()).contains(applicationId)
                    .contains("\"escalatedToOrgPath\":\"/shaanxi/xian/xian-ride-hailing-federation/\"");
        });
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern matchingRegex(String regex) {
        return com.github.tomakehurst.wiremock.client.WireMock.matching(regex);
    }
}
