package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.unionplatform.testsupport.security.TestTokens;
import tools.jackson.databind.JsonNode;

class OrganizationTreeIT extends ServiceIT {

    @Autowired
    AmqpAdmin amqpAdmin;
    @Autowired
    RabbitTemplate rabbit;
    @Value("${platform.bus.exchange}")
    String exchange;

    @Test
    void anOrganisationGetsItsParentsPathAndIsListedUnderIt() {
        JsonNode root = createOrganization("广东省总工会", "PROVINCE_FEDERATION", "440000", null);
        JsonNode city = createOrganization("广州市总工会", "CITY_FEDERATION", "440100", root.get("id").asString(),
                "COURIER");

        assertThat(city.get("orgPath").asString())
                .isEqualTo("/" + root.get("id").asString() + "/" + city.get("id").asString() + "/");
        assertThat(city.get("depth").asInt()).isEqualTo(1);
        JsonNode children = get("/api/organizations/" + root.get("id").asString() + "/children", ADMIN).expect(200);
        assertThat(children.get("items")).extracting(n -> n.get("id").asString())
                .containsExactly(city.get("id").asString());
        JsonNode fetched = get("/api/organizations/" + city.get("id").asString(), ADMIN).expect(200);
        assertThat(fetched.get("workerTypes")).extracting(JsonNode::asString).containsExactly("COURIER");
    }

    @Test
    void theSubtreeIsSearchedByAWordOfTheName() {
        JsonNode city = createOrganization("辛市总工会", "CITY_FEDERATION", "440800", rootId());
        String cityId = city.get("id").asString();
        JsonNode riders = createOrganization("辛市外卖骑手联合工会", "JOINT_UNION", "440800", cityId);
        JsonNode street = createOrganization("辛市某街道工会", "ENTERPRISE_UNION", "440800", cityId);
        JsonNode deeper = createOrganization("某某外卖站点工会", "ENTERPRISE_UNION", "440800",
                street.get("id").asString());
        createOrganization("外卖（别处）工会", "ENTERPRISE_UNION", "440100", rootId());

        JsonNode found = get("/api/organizations/" + cityId + "/descendants?name=%E5%A4%96%E5%8D%96", ADMIN)
                .expect(200);
        assertThat(found.get("items")).extracting(n -> n.get("id").asString())
                .containsExactlyInAnyOrder(riders.get("id").asString(), deeper.get("id").asString());
        // Words are literal (no pattern), and too long a word is refused.
        assertThat(get("/api/organizations/" + cityId + "/descendants?name=.*", ADMIN).expect(200)
                .get("totalItems").asLong()).isZero();
        get("/api/organizations/" + cityId + "/descendants?name=" + "x".repeat(51), ADMIN)
                .expectProblem(400, null, null);
        // An organizer searches their own subtree only.
        String organizer = TestTokens.organizer(street.get("orgPath").asString());
        assertThat(get("/api/organizations/" + street.get("id").asString() + "/descendants?name=%E5%A4%96%E5%8D%96",
                organizer).expect(200).get("items")).extracting(n -> n.get("id").asString())
                .containsExactly(deeper.get("id").asString());
        get("/api/organizations/" + cityId + "/descendants?name=%E5%A4%96%E5%8D%96", organizer)
                .expectProblem(404, null, null);
    }

    @Test
    void invalidDivisionCodesAreRefusedNamingTheField() {
        for (String code : List.of("990000", "61010", "610001", "618000", "6101AB")) {
            post("/api/organizations", ADMIN, Map.of("name", "x", "kind", "ENTERPRISE_UNION", "divisionCode", code,
                    "parentId", "xian")).expectProblem(400, "divisionCode", null);
        }
        post("/api/organizations", ADMIN, Map.of("name", "x", "kind", "CITY_FEDERATION", "divisionCode", "610103",
                "parentId", "shaanxi")).expectProblem(422, "divisionCode", "division-level");
        post("/api/organizations", ADMIN, Map.of("name", "x", "kind", "ENTERPRISE_UNION", "divisionCode", "610402",
                "parentId", "xian")).expectProblem(422, "divisionCode", "division-within-parent");
        post("/api/organizations", ADMIN, Map.of("name", "x", "kind", "ENTERPRISE_UNION", "divisionCode", "610100",
                "parentId", "xian", "workerTypes", List.of("ASTRONAUT"))).expectProblem(400, null, null);
        post("/api/organizations", ADMIN, Map.of("name", "x", "kind", "NO_SUCH_KIND", "divisionCode", "610100",
                "parentId", "xian")).expectProblem(400, "kind", null);
    }

    @Test
    void anUnknownOrOutOfScopeParentIsRefusedTheSameWay() {
        post("/api/organizations", ADMIN, Map.of("name", "x", "kind", "ENTERPRISE_UNION", "divisionCode", "610100",
                "parentId", "no-such-org")).expectProblem(422, "parentId", "unknown-parent");
        JsonNode outOfScope = post("/api/organizations", XIAN_ORGANIZER, Map.of("name", "x", "kind",
                "ENTERPRISE_UNION", "divisionCode", "610400", "parentId", "xianyang"))
                .expectProblem(422, "parentId", "unknown-parent");
        assertThat(outOfScope.get("detail").asString()).contains("xianyang");
        post("/api/organizations", XIAN_ORGANIZER, Map.of("name", "x", "kind", "PROVINCE_FEDERATION",
                "divisionCode", "620000")).expectProblem(422, "parentId", "root-needs-admin");
    }

    @Test
    void movingASubtreeRewritesEveryPathMovesTheTotalsAndAnnouncesIt() throws Exception {
        JsonNode a = createOrganization("甲市总工会", "CITY_FEDERATION", "440300", rootId());
        JsonNode b = createOrganization("乙市总工会", "CITY_FEDERATION", "440300", rootId());
        JsonNode federation = createOrganization("快递行业工会联合会", "INDUSTRY_FEDERATION", "440300",
                a.get("id").asString(), "COURIER");
        JsonNode union = createOrganization("某快递公司工会", "ENTERPRISE_UNION", "440304",
                federation.get("id").asString(), "COURIER");
        String fid = federation.get("id").asString();
        String uid = union.get("id").asString();
        JsonNode company = post("/api/organizations/companies", ADMIN, Map.of("creditCode", TestCreditCodes.code("440304"),
                "name", "某快递公司", "type", "PARTNER", "divisionCode", "440304", "organizationId", uid))
                .expect(201);
        assertThat(get("/api/organizations/" + a.get("id").asString() + "/summary", ADMIN).expect(200)
                .get("companiesByStatus").get("SURVEYED").asLong()).isEqualTo(1);

        try (BusProbe probe = new BusProbe(amqpAdmin, rabbit, json, exchange, "organization.moved")) {
            JsonNode moved = post("/api/organizations/" + fid + "/move", ADMIN,
                    Map.of("newParentId", b.get("id").asString())).expect(200);

            String newPath = b.get("orgPath").asString() + fid + "/";
            assertThat(moved.get("orgPath").asString()).isEqualTo(newPath);
            JsonNode child = get("/api/organizations/" + uid, ADMIN).expect(200);
            assertThat(child.get("orgPath").asString()).isEqualTo(newPath + uid + "/");
            assertThat(child.get("depth").asInt()).isEqualTo(moved.get("depth").asInt() + 1);
            assertThat(get("/api/organizations/companies/" + company.get("id").asString(), ADMIN).expect(200)
                    .get("orgPath").asString()).isEqualTo(newPath + uid + "/");
            JsonNode oldParent = get("/api/organizations/" + a.get("id").asString() + "/summary", ADMIN).expect(200);
            JsonNode newParent = get("/api/organizations/" + b.get("id").asString() + "/summary", ADMIN).expect(200);
            assertThat(oldParent.get("descendants").asLong()).isZero();
            assertThat(oldParent.get("companiesByStatus").has("SURVEYED")).isFalse();
            assertThat(newParent.get("descendants").asLong()).isEqualTo(2);
            assertThat(newParent.get("companiesByStatus").get("SURVEYED").asLong()).isEqualTo(1);

            JsonNode event = probe.await("organizationId", fid);
            assertThat(event).as("organization.moved published").isNotNull();
            assertThat(event.get("payload").get("oldPath").asString()).isEqualTo(federation.get("orgPath").asString());
            assertThat(event.get("payload").get("newPath").asString()).isEqualTo(newPath);
        }
    }

    @Test
    void anOrganisationCannotMoveUnderItselfOrItsDescendants() {
        JsonNode a = createOrganization("丙市总工会", "CITY_FEDERATION", "440400", rootId());
        JsonNode child = createOrganization("丙市某工会", "ENTERPRISE_UNION", "440400", a.get("id").asString());
        String path = "/api/organizations/" + a.get("id").asString() + "/move";
        post(path, ADMIN, Map.of("newParentId", child.get("id").asString()))
                .expectProblem(422, "newParentId", "no-cycle");
        post(path, ADMIN, Map.of("newParentId", a.get("id").asString()))
                .expectProblem(422, "newParentId", "no-cycle");
        post(path, ADMIN, Map.of("newParentId", "no-such-org")).expectProblem(422, "newParentId", "unknown-parent");
        post(path, ADMIN, Map.of()).expectProblem(400, "newParentId", null);
    }

    @Test
    void deletingANodeWithChildrenMembersOrCompaniesIsRefused() {
        delete("/api/organizations/xianyang", ADMIN).expectProblem(409, null, "organization-has-children");
        delete("/api/organizations/shouqi-union", ADMIN)
                .expectProblem(409, null, "organization-has-members");
        JsonNode city = createOrganization("丁市总工会", "CITY_FEDERATION", "440500", rootId());
        post("/api/organizations/companies", ADMIN, Map.of("creditCode", TestCreditCodes.code("440500"), "name",
                "丁市某公司", "type", "PLATFORM", "divisionCode", "440500", "organizationId",
                city.get("id").asString())).expect(201);
        delete("/api/organizations/" + city.get("id").asString(), ADMIN)
                .expectProblem(409, null, "organization-has-companies");

        JsonNode leaf = createOrganization("戊市总工会", "CITY_FEDERATION", "440600", rootId());
        delete("/api/organizations/" + leaf.get("id").asString(), ADMIN).expect(204);
        get("/api/organizations/" + leaf.get("id").asString(), ADMIN).expectProblem(404, null, null);
    }

    @Test
    void subtreeListingsAndTotalsStayInsideTheCallersScope() {
        String organizer = TestTokens.organizer("/shaanxi/xian/xian-beilin/");
        JsonNode page = get("/api/organizations?size=200", organizer).expect(200);
        assertThat(page.get("items")).allSatisfy(
                o -> assertThat(o.get("orgPath").asString()).startsWith("/shaanxi/xian/xian-beilin/"));
        assertThat(page.get("totalItems").asLong()).isEqualTo(12);
        JsonNode summary = get("/api/organizations/xian-beilin/summary", organizer).expect(200);
        assertThat(summary.get("descendants").asLong()).isEqualTo(11);
        assertThat(summary.get("membersByWorkerType").get("DELIVERY_RIDER").asLong())
                .isEqualTo(DemoMembersOnTheBus.DELIVERY_RIDERS.values().stream().mapToInt(Integer::intValue).sum());
        get("/api/organizations/xianyang/summary", organizer).expectProblem(404, null, null);
        JsonNode descendants = get("/api/organizations/xian-beilin/descendants?kind=STREET_FEDERATION", organizer)
                .expect(200);
        assertThat(descendants.get("totalItems").asLong()).isEqualTo(8);
    }

    @Test
    void anOrganizerCannotMoveOrDeleteTheRootOfTheirScope() {
        String organizer = TestTokens.organizer("/shaanxi/xian/xian-beilin/");
        delete("/api/organizations/xian-beilin", organizer).expectProblem(403, null, null);
        post("/api/organizations/xian-beilin/move", organizer, Map.of("newParentId", "xian-beilin"))
                .expectProblem(403, null, null);
    }

    @Test
    void anUpdateChecksTheDivisionLikeACreation() {
        JsonNode city = createOrganization("己市总工会", "CITY_FEDERATION", "440700", rootId());
        String path = "/api/organizations/" + city.get("id").asString();
        JsonNode updated = put(path, ADMIN, Map.of("name", "己市总工会（新）", "divisionCode", "440700",
                "workerTypes", List.of("COURIER"))).expect(200);
        assertThat(updated.get("name").asString()).isEqualTo("己市总工会（新）");
        put(path, ADMIN, Map.of("name", "x", "divisionCode", "12345")).expectProblem(400, "divisionCode", null);
        put(path, ADMIN, Map.of("name", "x", "divisionCode", "440000"))
                .expectProblem(422, "divisionCode", "division-level");
    }

    private String rootId() {
        return Roots.guangdong(this);
    }
}
