package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.security.TestTokens;
import tools.jackson.databind.JsonNode;

class TargetIT extends ServiceIT {

    @Test
    void aTargetIsSplitAmongChildrenWithinTheParentsTarget() {
        JsonNode city = createOrganization("庚市总工会", "CITY_FEDERATION", "440800", Roots.guangdong(this));
        String cityId = city.get("id").asString();
        JsonNode a = createOrganization("庚市甲区总工会", "DISTRICT_FEDERATION", "440802", cityId);
        JsonNode b = createOrganization("庚市乙区总工会", "DISTRICT_FEDERATION", "440803", cityId);
        put("/api/organizations/" + cityId + "/targets/2026", ADMIN,
                Map.of("newMembers", Map.of("COURIER", 1000, "DELIVERY_RIDER", 500), "unionsFounded", 10)).expect(200);
        String split = "/api/organizations/" + cityId + "/targets/2026/split";

        JsonNode targets = post(split, ADMIN, Map.of("allocations", List.of(
                Map.of("organizationId", a.get("id").asString(), "newMembers", Map.of("COURIER", 600), "unionsFounded", 6),
                Map.of("organizationId", b.get("id").asString(), "newMembers", Map.of("COURIER", 400, "DELIVERY_RIDER", 500),
                        "unionsFounded", 4)))).expect(200);
        assertThat(targets).hasSize(2);

        post(split, ADMIN, Map.of("allocations", List.of(Map.of("organizationId", a.get("id").asString(),
                "newMembers", Map.of("COURIER", 601), "unionsFounded", 6))))
                .expectProblem(422, "allocations.newMembers.COURIER", "target-split-exceeds-parent");
        post(split, ADMIN, Map.of("allocations", List.of(Map.of("organizationId", a.get("id").asString(),
                "newMembers", Map.of(), "unionsFounded", 7))))
                .expectProblem(422, "allocations.unionsFounded", "target-split-exceeds-parent");
        put("/api/organizations/" + b.get("id").asString() + "/targets/2026", ADMIN,
                Map.of("newMembers", Map.of("DELIVERY_RIDER", 501), "unionsFounded", 0))
                .expectProblem(422, "newMembers.DELIVERY_RIDER", "target-split-exceeds-parent");
        put("/api/organizations/" + cityId + "/targets/2026", ADMIN,
                Map.of("newMembers", Map.of("COURIER", 999, "DELIVERY_RIDER", 500), "unionsFounded", 10))
                .expectProblem(422, "newMembers", "target-below-children");
        post(split, ADMIN, Map.of("allocations", List.of(Map.of("organizationId", "xian", "newMembers", Map.of(),
                "unionsFounded", 0)))).expectProblem(422, "allocations[0].organizationId", "target-split-child");
        JsonNode withoutTarget = createOrganization("庚市丙区总工会", "DISTRICT_FEDERATION", "440804", cityId);
        post("/api/organizations/" + withoutTarget.get("id").asString() + "/targets/2026/split", ADMIN,
                Map.of("allocations", List.of(Map.of("organizationId", "xian", "newMembers", Map.of(), "unionsFounded", 0))))
                .expectProblem(422, "year", "parent-target-missing");
        put("/api/organizations/" + cityId + "/targets/2026", ADMIN,
                Map.of("newMembers", Map.of("COURIER", -5), "unionsFounded", 1)).expectProblem(400, null, null);

        JsonNode progress = get("/api/organizations/" + cityId + "/targets/2026/progress", ADMIN).expect(200);
        assertThat(progress.get("organization").get("targetTotal").asLong()).isEqualTo(1500);
        assertThat(progress.get("children")).hasSize(3);
        assertThat(get("/api/organizations/" + a.get("id").asString() + "/targets/2026", ADMIN).expect(200)
                .get("newMembers").get("COURIER").asLong()).isEqualTo(600);
    }

    @Test
    void anOrganizerSplitsTheirOwnTargetButDoesNotSetIt() {
        String organizer = TestTokens.organizer("/shaanxi/xianyang/");
        put("/api/organizations/xianyang/targets/2030", organizer,
                Map.of("newMembers", Map.of("COURIER", 1), "unionsFounded", 0)).expect(403);
        put("/api/organizations/xianyang-courier-federation/targets/2030", organizer,
                Map.of("newMembers", Map.of("COURIER", 1), "unionsFounded", 0)).expect(200);
        put("/api/organizations/xian/targets/2030", organizer,
                Map.of("newMembers", Map.of("COURIER", 1), "unionsFounded", 0)).expect(404);
    }

    @Test
    void targetsFollowAMoveToTheNewParentAndGoWithADeletedOrganisation() {
        JsonNode city = createOrganization("辛市总工会", "CITY_FEDERATION", "440700", Roots.guangdong(this));
        String cityId = city.get("id").asString();
        String first = createOrganization("辛市甲区总工会", "DISTRICT_FEDERATION", "440703", cityId).get("id").asString();
        // An industry federation of the whole city: the district's union lies within its division too.
        String second = createOrganization("辛市快递行业工会联合会", "INDUSTRY_FEDERATION", "440700", cityId, "COURIER")
                .get("id").asString();
        String union = createOrganization("辛市某公司工会", "ENTERPRISE_UNION", "440703", first).get("id").asString();
        String other = createOrganization("辛市另一公司工会", "ENTERPRISE_UNION", "440703", second).get("id").asString();
        put("/api/organizations/" + first + "/targets/2026", ADMIN,
                Map.of("newMembers", Map.of("COURIER", 10), "unionsFounded", 0)).expect(200);
        put("/api/organizations/" + second + "/targets/2026", ADMIN,
                Map.of("newMembers", Map.of("COURIER", 10), "unionsFounded", 0)).expect(200);
        put("/api/organizations/" + union + "/targets/2026", ADMIN,
                Map.of("newMembers", Map.of("COURIER", 8), "unionsFounded", 0)).expect(200);

        post("/api/organizations/" + union + "/move", ADMIN, Map.of("newParentId", second)).expect(200);

        assertThat(get("/api/organizations/" + union + "/targets/2026", ADMIN).expect(200).get("parentId").asString())
                .isEqualTo(second);
        // The old parent no longer holds the moved union's target, the new one does.
        put("/api/organizations/" + first + "/targets/2026", ADMIN,
                Map.of("newMembers", Map.of("COURIER", 1), "unionsFounded", 0)).expect(200);
        put("/api/organizations/" + other + "/targets/2026", ADMIN,
                Map.of("newMembers", Map.of("COURIER", 3), "unionsFounded", 0))
                .expectProblem(422, "newMembers.COURIER", "target-split-exceeds-parent");

        delete("/api/organizations/" + union, ADMIN).expect(204);

        get("/api/organizations/" + union + "/targets/2026", ADMIN).expectProblem(404, null, null);
        // The deleted union's target no longer takes room in the parent's.
        put("/api/organizations/" + other + "/targets/2026", ADMIN,
                Map.of("newMembers", Map.of("COURIER", 3), "unionsFounded", 0)).expect(200);
    }
}
