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
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionplatform.common.pii.ResidentIdNumber;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.People;
import org.unionplatform.membership.organization.KnownOrganization;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * Where an application goes when no union that admits matches, when its union leaves it too long, and when
 * organization-service refuses its details (docs/membership.md, "Applications and dispatch").
 */
class ReassignmentIT extends MembershipIT {

    private static final String YANTA = "/shaanxi/xian/it-yanta/";
    private static final String XIAOZHAI = YANTA + "it-yanta-xiaozhai/";
    private static final String GOOD_CREDIT_CODE = "91610000MA6TG12349";

    @BeforeEach
    void yantaIsKnown() {
        organizations.remember(new KnownOrganization("it-yanta", "雁塔区总工会", YANTA, "610113",
                "DISTRICT_FEDERATION"));
        organizations.remember(new KnownOrganization("it-yanta-xiaozhai", "小寨路街道联合工会", XIAOZHAI,
                "610113001", "JOINT_UNION"));
    }

    @Test
    void anUnmatchedApplicationWaitsInTheCountyFederationsQueueAndIsReassignedToAStreetUnionBelow() {
        answer("it-yanta", "雁塔区总工会", YANTA, "REASSIGNMENT", "陕西省西安市雁塔区没有接收网约配送员的工会，转雁塔区总工会重新分派");
        String id = apply(Map.of("divisionCode", "610113", "workerType", "DELIVERY_RIDER")).expect(202)
                .get("receiptCode").asString();
        String federation = TestTokens.organizer(YANTA);
        String street = TestTokens.organizer(XIAOZHAI);

        JsonNode queued = only(httpGet("/api/members/applications/reassignments?size=200", federation), id);
        assertThat(queued.get("status").asString()).isEqualTo("AWAITING_REASSIGNMENT");
        assertThat(queued.get("dispatchRule").asString()).isEqualTo("REASSIGNMENT");
        assertThat(queued.get("dispatchReason").asString()).contains("雁塔区总工会重新分派");
        assertThat(httpGet("/api/members/applications/reassignments?size=200", street).body()).doesNotContain(id);
        assertThat(httpGet("/api/members/applications/" + id, street).status()).isEqualTo(404);
        assertThat(reassign(id, street, "it-yanta-xiaozhai").status()).as("not the street's queue").isEqualTo(404);
        reassign(id, federation, "shouqi-union").expectProblem(422, "organizationId", "reassign-below");
        reassign(id, federation, "it-yanta").expectProblem(422, "organizationId", "cannot-admit");
        reassign(id, federation, "nowhere").expectProblem(422, "organizationId", "unknown-organization");

        JsonNode reassigned = reassign(id, federation, "it-yanta-xiaozhai").expect(200);

        assertThat(reassigned.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(reassigned.get("organizationId").asString()).isEqualTo("it-yanta-xiaozhai");
        assertThat(reassigned.get("dispatchRule").asString()).isEqualTo("REASSIGNED");
        assertThat(reassigned.get("dispatchReason").asString()).isEqualTo("雁塔区总工会重新分派：骑手常在小寨一带接单");
        assertThat(httpGet("/api/members/applications/reassignments?size=200", federation).body()).doesNotContain(id);
        assertThat(httpPost("/api/members/applications/" + id + "/approval", street, null).status()).isEqualTo(200);
        assertThat(reassign(id, federation, "it-yanta-xiaozhai").status()).isEqualTo(409);
    }

    @Test
    void anApplicationItsUnionLeavesTooLongEntersTheCountyFederationsQueue() {
        answer("it-yanta-xiaozhai", "小寨路街道联合工会", XIAOZHAI, "STREET_UNION", "所在街道（镇）小寨路街道的联合工会");
        String id = apply(Map.of("divisionCode", "610113001", "workerType", "DELIVERY_RIDER")).expect(202)
                .get("receiptCode").asString();
        String federation = TestTokens.organizer(YANTA);

        JsonNode escalated = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(
                () -> find(httpGet("/api/members/applications/reassignments?size=200", federation), id),
                found -> found != null);

        assertThat(escalated.get("status").asString()).as("its union may still decide").isEqualTo("PENDING_APPROVAL");
        assertThat(escalated.get("escalatedToOrgPath").asString()).as("the county-level federation, not the parent")
                .isEqualTo(YANTA);
        assertThat(escalated.get("dispatchReason").asString()).isEqualTo("所在街道（镇）小寨路街道的联合工会");
        assertThat(httpGet("/api/members/applications/" + id, TestTokens.organizer(XIAOZHAI)).expect(200)
                .get("status").asString()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void detailsOrganizationServiceRefusesAreAnswered422AtOnceNeverRetriedAndNeverTripTheBreaker() {
        ORGANIZATION_SERVICE.stubFor(post(urlEqualTo("/api/organizations/dispatch")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/problem+json").withBody("""
                        {"title":"Invalid request","status":400,"detail":"1 field is invalid.",
                         "errors":[{"field":"platform","message":"size must be between 0 and 60"}]}""")));

        // Background rounds may ask about other tests' waiting applications meanwhile: count only this test's.
        String platform = "refused-" + System.nanoTime();
        for (int i = 0; i < 7; i++) {
            HttpAnswer refused = apply(Map.of("platform", platform, "workerType", "COURIER"));
            refused.expectProblem(422, null, "details-refused");
            assertThat(refused.body()).contains("platform: size must be between 0 and 60");
        }

        ORGANIZATION_SERVICE.verify(7, postRequestedFor(urlEqualTo("/api/organizations/dispatch"))
                .withRequestBody(matchingJsonPath("$.platform", equalTo(platform))));
        assertThat(mongo.getCollection("applications").countDocuments(new Document("status", "REFUSED")
                .append("dispatchProblem", "platform: size must be between 0 and 60"))).isGreaterThanOrEqualTo(7);
        dispatchTo("shouqi-union", "首汽约车西安分公司工会", SHOUQI_PATH);
        HttpAnswer filed = httpPost("/api/members/applications/by-organizer", TestTokens.admin(),
                form(Map.of("platform", platform, "workerType", "COURIER")));
        assertThat(filed.status()).as("dispatched at once: the breaker stayed closed " + filed.body()).isEqualTo(201);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                ORGANIZATION_SERVICE.verify(8, postRequestedFor(urlEqualTo("/api/organizations/dispatch"))
                        .withRequestBody(matchingJsonPath("$.platform", equalTo(platform)))));
    }

    @Test
    void aMistypedCreditCodeIsAnswered422BeforeOrganizationServiceIsAsked() {
        String platform = "mistyped-" + System.nanoTime();
        JsonNode mistyped = apply(Map.of("platform", platform, "companyCreditCode", "91610000MA6TG1234X"))
                .expectProblem(422, "companyCreditCode", null);
        assertThat(mistyped.get("status").asInt()).isEqualTo(422);
        apply(Map.of("platform", platform, "companyCreditCode", "123")).expectProblem(400, "companyCreditCode", null);
        apply(Map.of("platform", platform, "divisionCode", "610199")).expectProblem(400, "divisionCode", null);
        apply(Map.of("platform", platform, "divisionCode", "610113099")).expectProblem(400, "divisionCode", null);

        ORGANIZATION_SERVICE.verify(0, postRequestedFor(urlEqualTo("/api/organizations/dispatch"))
                .withRequestBody(matchingJsonPath("$.platform", equalTo(platform))));
    }

    @Test
    void aStreetCodeIsAskedAboutAsGivenAndTheCardIsNumberedByItsCounty() {
        answer("it-yanta-xiaozhai", "小寨路街道联合工会", XIAOZHAI, "STREET_UNION", "所在街道（镇）小寨路街道的联合工会");
        JsonNode filed = httpPost("/api/members/applications/by-organizer", TestTokens.organizer(XIAOZHAI),
                form(Map.of("divisionCode", "610113001"))).expect(201);
        String id = filed.get("applicationId").asString();

        ORGANIZATION_SERVICE.verify(postRequestedFor(urlEqualTo("/api/organizations/dispatch"))
                .withRequestBody(matchingJsonPath("$.divisionCode", equalTo("610113001"))));
        JsonNode approval = httpPost("/api/members/applications/" + id + "/approval",
                TestTokens.organizer(XIAOZHAI), null).expect(200);
        assertThat(approval.get("cardNumber").asString()).matches("610113\\d{10}");
    }

    @Test
    void aRetiredRegionCodeOfAnOldIdIsAcceptedWithANoteForTheStaff() {
        String first17 = "610121" + "19750307" + String.format("%03d", (int) (Math.random() * 1000));
        String oldId = first17 + ResidentIdNumber.checkCharacterFor(first17);
        JsonNode filed = httpPost("/api/members/applications/by-organizer", TestTokens.admin(),
                form(Map.of("residentId", oldId))).expect(201);

        JsonNode stored = httpGet("/api/members/applications/" + filed.get("applicationId").asString(),
                TestTokens.admin()).expect(200);
        assertThat(stored.get("residentIdNote").asString()).contains("旧证件");
    }

    private void answer(String id, String name, String path, String rule, String reason) {
        ORGANIZATION_SERVICE.stubFor(post(urlEqualTo("/api/organizations/dispatch")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(Map.of(
                        "organizationId", id, "organizationName", name, "orgPath", path, "rule", rule,
                        "reason", reason)))));
    }

    private HttpAnswer apply(Map<String, String> changes) {
        return httpPost("/api/members/applications", null, form(changes));
    }

    private HttpAnswer reassign(String id, String token, String organizationId) {
        return httpPost("/api/members/applications/" + id + "/reassignment", token,
                JSON.writeValueAsString(Map.of("organizationId", organizationId, "reason", "骑手常在小寨一带接单")));
    }

    /** An application form: a new person riding for 美团 in Yanta, with these fields changed. */
    private static String form(Map<String, String> changes) {
        var form = new java.util.LinkedHashMap<String, String>(Map.of("name", "孙师傅", "residentId",
                People.residentId(), "phone", People.phone(), "workerType", "DELIVERY_RIDER", "platform", "美团",
                "companyCreditCode", GOOD_CREDIT_CODE, "divisionCode", "610113"));
        form.putAll(changes);
        return JSON.writeValueAsString(form);
    }

    private static JsonNode only(HttpAnswer page, String id) {
        JsonNode found = find(page, id);
        assertThat(found).as(page.body()).isNotNull();
        return found;
    }

    private static JsonNode find(HttpAnswer page, String id) {
        for (JsonNode item : page.expect(200).get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        return null;
    }
}
