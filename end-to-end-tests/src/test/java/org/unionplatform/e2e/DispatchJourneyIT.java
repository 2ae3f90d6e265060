package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.http.HttpAnswer;
import tools.jackson.databind.JsonNode;

/**
 * Where an application goes, through the gateway: a rider of a platform no union names, in Yanta (610113) where no
 * delivery union admits, lands in the re-assignment queue of Yanta's county-level federation and its organizer hands
 * it to the 小寨路 street's joint union, which approves it; a rider who gives a street's 9-digit township code
 * lands at that street's union with the reason recorded; a platform written by another of its names (Ele.me)
 * reaches the union that names 饿了么; a mistyped credit code is answered 422 before anything is filed.
 *
 * <p>The tree is this run's own, built under Xi'an in Yanta. Other journeys build federations with Yanta's code
 * too; dispatch prefers the one created last, which is this class's while it runs (journeys run one at a time).
 */
class DispatchJourneyIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    private static UnionTree tree;
    private static UnionTree.Org xiaozhai;
    private static UnionTree.Org dayanta;
    private static UnionTree.Org eleme;
    private static String federation;
    private static String street;

    @BeforeAll
    static void yantaWithTwoStreetUnionsAndAPlatformUnion() {
        tree = UnionTree.build(new UnionTree.Divisions("610000", "陕西省", "610100", "西安市", "610113", "雁塔区"));
        xiaozhai = tree.create(tree.admin, "小寨路街道联合工会（" + tree.run + "）", "JOINT_UNION", "610113001",
                tree.district.id(), "DELIVERY_RIDER", "COURIER");
        dayanta = tree.create(tree.admin, "大雁塔街道工会（" + tree.run + "）", "STREET_FEDERATION", "610113002",
                tree.district.id(), "DELIVERY_RIDER", "COURIER");
        Map<String, Object> body = UnionTree.organisation("雁塔区饿了么骑手工会（" + tree.run + "）", "PLATFORM_UNION",
                "610113", tree.district.id(), "DELIVERY_RIDER");
        body.put("platforms", List.of("饿了么"));
        eleme = UnionTree.Org.of(expect(tree.post("/api/organizations", tree.admin, body), 201));
        federation = tree.staff("ORGANIZER", tree.district);
        street = tree.staff("ORGANIZER", xiaozhai);
    }

    @Test
    void anUnmatchedRiderWaitsInTheCountyFederationsQueueAndIsReassignedToAStreetUnionThatApproves() {
        String id = file(Map.of("platform", "美团外卖", "divisionCode", "610113"));

        JsonNode queued = await("in Yanta's re-assignment queue").atMost(EVENTUAL).pollInterval(Duration.ofSeconds(1))
                .until(() -> find(tree.gateway.get("/api/members/applications/reassignments?size=200", federation),
                        id), found -> found != null);
        assertThat(queued.get("status").asString()).isEqualTo("AWAITING_REASSIGNMENT");
        assertThat(queued.get("organizationId").asString()).isEqualTo(tree.district.id());
        assertThat(queued.get("dispatchRule").asString()).isEqualTo("REASSIGNMENT");
        assertThat(queued.get("dispatchReason").asString()).contains("雁塔区").contains("重新分派");
        assertThat(find(tree.gateway.get("/api/members/applications/reassignments?size=200", street), id))
                .as("not in the street union's view").isNull();

        Map<String, Object> reassignment = Map.of("organizationId", xiaozhai.id(), "reason", "常在小寨一带接单");
        // membership-service learns of the new street union from organization.established, a moment later.
        HttpAnswer reassigned = await("re-assigned").atMost(EVENTUAL).pollInterval(Duration.ofSeconds(1)).until(
                () -> tree.post("/api/members/applications/" + id + "/reassignment", federation, reassignment),
                answer -> answer.status() != 422 || !answer.body().contains("unknown-organization"));
        JsonNode application = expect(reassigned, 200);
        assertThat(application.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(application.get("organizationId").asString()).isEqualTo(xiaozhai.id());
        assertThat(application.get("dispatchRule").asString()).isEqualTo("REASSIGNED");
        assertThat(application.get("dispatchReason").asString()).endsWith("重新分派：常在小寨一带接单");

        JsonNode seen = expect(tree.gateway.get("/api/members/applications/" + id, street), 200);
        assertThat(seen.get("organizationName").asString()).isEqualTo(xiaozhai.name());
        JsonNode approval = expect(tree.post("/api/members/applications/" + id + "/approval", street, null), 200);
        assertThat(approval.get("cardNumber").asString()).startsWith("610113");
    }

    @Test
    void aRiderWhoGivesAStreetCodeLandsAtThatStreetsUnionWithTheReasonRecorded() {
        String id = file(Map.of("platform", "美团", "divisionCode", "610113002"));

        JsonNode application = awaitPlaced(id);

        assertThat(application.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(application.get("organizationId").asString()).isEqualTo(dayanta.id());
        assertThat(application.get("dispatchRule").asString()).isEqualTo("STREET_UNION");
        assertThat(application.get("dispatchReason").asString()).contains("大雁塔街道");
        assertThat(application.get("divisionCode").asString()).isEqualTo("610113002");
    }

    @Test
    void aPlatformWrittenByAnotherOfItsNamesReachesTheUnionThatNamesIt() {
        String id = file(Map.of("platform", "Ele.me", "divisionCode", "610113"));

        JsonNode application = awaitPlaced(id);

        assertThat(application.get("organizationId").asString()).isEqualTo(eleme.id());
        assertThat(application.get("dispatchRule").asString()).isEqualTo("PLATFORM_UNION");
    }

    @Test
    void aMistypedCreditCodeIsAnswered422AtOnceAndAnUnlistedPlace400() {
        Map<String, Object> form = form(Map.of("platform", "美团", "divisionCode", "610113"));
        String code = creditCode("91610113MA6X" + String.format("%05d", (int) (Math.random() * 100_000)));
        form.put("companyCreditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));

        HttpAnswer mistyped = tree.post("/api/members/applications", null, form);

        UnionTree.expectProblem(mistyped, 422, null);
        assertThat(mistyped.body()).contains("companyCreditCode");
        form.put("companyCreditCode", code);
        form.put("divisionCode", "610199");
        HttpAnswer unlisted = tree.post("/api/members/applications/by-organizer", federation, form);
        UnionTree.expectProblem(unlisted, 400, null);
        assertThat(unlisted.body()).contains("divisionCode");
    }

    /** Filed by Yanta's organizer (the public form has a strict per-address limit); answers the application id. */
    private static String file(Map<String, Object> changes) {
        HttpAnswer filed = tree.post("/api/members/applications/by-organizer", federation, form(changes));
        assertThat(filed.status()).as(filed.body()).isIn(201, 202);
        return filed.json().get("applicationId").asString();
    }

    /** Until organization-service has answered (it may be slow on a loaded machine: then a round asks again). */
    private static JsonNode awaitPlaced(String id) {
        return await("dispatched").atMost(EVENTUAL).pollInterval(Duration.ofSeconds(1)).until(
                () -> expect(tree.gateway.get("/api/members/applications/" + id, federation), 200),
                application -> !"AWAITING_DISPATCH".equals(application.get("status").asString()));
    }

    private static Map<String, Object> form(Map<String, Object> changes) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", "雁塔骑手" + (int) (Math.random() * 10_000));
        form.put("residentId", UnionTree.residentId("610113"));
        form.put("phone", "137" + String.format("%08d", (int) (Math.random() * 100_000_000)));
        form.put("workerType", "DELIVERY_RIDER");
        form.putAll(changes);
        return form;
    }

    private static JsonNode find(HttpAnswer page, String id) {
        for (JsonNode item : expect(page, 200).get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        return null;
    }

    // ---- GB 32100, computed here so the test does not trust the service's own check ----

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private static String creditCode(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
