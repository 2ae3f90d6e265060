package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.security.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The standard of union organisations: a union assesses itself, the federation above confirms or returns it, and a
 * confirmed pass of a new union is allocated the reward fund's amount once (docs/organizations.md).
 */
class StandardIT extends ServiceIT {

    private static final List<String> POINTS = List.of("ORGANIZATION", "PREMISES", "RULES", "ACTIVITIES", "FUNDS",
            "IMPACT");

    @Test
    void aUnionAssessesItselfTheFederationAboveChecksAndAPassIsRewardedOnce() {
        JsonNode city = createOrganization("标准市总工会", "CITY_FEDERATION", "440900", Roots.guangdong(this));
        JsonNode union = createOrganization("标准快递工会", "JOINT_UNION", "440902", id(city), "COURIER");
        JsonNode failing = createOrganization("标准配送工会", "ENTERPRISE_UNION", "440902", id(city), "DELIVERY_RIDER");
        String unionOrganizer = TestTokens.organizer(path(union));
        String cityOrganizer = TestTokens.organizer(path(city));
        String elsewhere = TestTokens.organizer("/shaanxi/xian/");

        JsonNode standard = get("/api/organizations/standard", unionOrganizer).expect(200);
        assertThat(standard.get("items").get(0).get("label").asString()).isEqualTo("有组织");
        assertThat(standard.get("items")).hasSize(6);
        assertThat(standard.get("rewardPerUnion").asLong()).isEqualTo(20000);

        String assessments = "/api/organizations/" + id(union) + "/standard-assessments";
        post(assessments, unionOrganizer, Map.of("results", Map.of("ORGANIZATION", true)))
                .expectProblem(422, null, "standard-incomplete");
        post(assessments, unionOrganizer, Map.of("results", results(true, "六送", true)))
                .expectProblem(422, null, "unknown-standard-item");
        post(assessments, elsewhere, Map.of("results", results(true))).expectProblem(404, null, null);
        post("/api/organizations/" + id(city) + "/standard-assessments", cityOrganizer,
                Map.of("results", results(true))).expectProblem(422, null, "not-assessed");

        JsonNode first = post(assessments, unionOrganizer, Map.of("results", results(true), "notes", "有会员之家"))
                .expect(201);
        assertThat(first.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(first.get("result").asString()).isEqualTo("PASSED");
        post(assessments, unionOrganizer, Map.of("results", results(true))).expectProblem(409, null,
                "assessment-pending");

        String check = "/api/organizations/standard-assessments/" + id(first);
        post(check + "/confirmation", unionOrganizer, null).expectProblem(422, null, "checked-by-federation-above");
        post(check + "/confirmation", elsewhere, null).expectProblem(404, null, null);
        JsonNode returned = post(check + "/return", cityOrganizer, Map.of("reason", "阵地照片不清晰")).expect(200);
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("returnReason").asString()).isEqualTo("阵地照片不清晰");
        post(check + "/confirmation", cityOrganizer, null).expectProblem(409, null, "assessment-already-checked");

        JsonNode second = post(assessments, unionOrganizer, Map.of("results", results(true))).expect(201);
        JsonNode confirmed = post("/api/organizations/standard-assessments/" + id(second) + "/confirmation",
                cityOrganizer, null).expect(200);
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("checkedBy").asString()).isNotBlank();
        // Assessed and confirmed again: still one allocation.
        JsonNode third = post(assessments, unionOrganizer, Map.of("results", results(true))).expect(201);
        post("/api/organizations/standard-assessments/" + id(third) + "/confirmation", cityOrganizer, null)
                .expect(200);

        JsonNode failed = post("/api/organizations/" + id(failing) + "/standard-assessments",
                TestTokens.organizer(path(failing)), Map.of("results", results(false))).expect(201);
        assertThat(failed.get("result").asString()).isEqualTo("FAILED");
        post("/api/organizations/standard-assessments/" + id(failed) + "/confirmation", cityOrganizer, null)
                .expect(200);

        JsonNode allocations = get("/api/organizations/" + id(city) + "/reward-allocations", cityOrganizer)
                .expect(200);
        assertThat(allocations.get("unions").asInt()).isEqualTo(1);
        assertThat(allocations.get("total").asLong()).isEqualTo(20000);
        JsonNode line = allocations.get("allocations").get(0);
        assertThat(line.get("organizationId").asString()).isEqualTo(id(union));
        assertThat(line.get("organizationName").asString()).isEqualTo("标准快递工会");
        assertThat(line.get("assessmentId").asString()).isEqualTo(id(second));
        get("/api/organizations/" + id(city) + "/reward-allocations", elsewhere).expectProblem(404, null, null);

        JsonNode history = get(assessments, unionOrganizer).expect(200);
        assertThat(history).extracting(a -> a.get("id").asString()).containsExactly(id(third), id(second), id(first));
        get(assessments, elsewhere).expectProblem(404, null, null);
    }

    @Test
    void badInputIsAProblem() {
        post("/api/organizations/standard-assessments/not-an-id/confirmation", ADMIN, null).expect(400);
        post("/api/organizations/standard-assessments/00000000-0000-0000-0000-000000000000/return", ADMIN,
                Map.of("reason", "")).expect(400);
        post("/api/organizations/standard-assessments/00000000-0000-0000-0000-000000000000/confirmation", ADMIN,
                null).expectProblem(404, null, null);
    }

    private static Map<String, Object> results(boolean met, Object... more) {
        Map<String, Object> results = new LinkedHashMap<>();
        POINTS.forEach(point -> results.put(point, met));
        for (int i = 0; i + 1 < more.length; i += 2) {
            results.put((String) more[i], more[i + 1]);
        }
        return results;
    }

    private static String id(JsonNode json) {
        return json.get("id").asString();
    }

    private static String path(JsonNode json) {
        return json.get("orgPath").asString();
    }
}
