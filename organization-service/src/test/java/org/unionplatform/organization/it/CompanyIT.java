package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

class CompanyIT extends ServiceIT {

    @Autowired
    AmqpAdmin amqpAdmin;
    @Autowired
    RabbitTemplate rabbit;
    @Value("${platform.bus.exchange}")
    String exchange;

    private Map<String, Object> company(String creditCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("creditCode", creditCode);
        body.put("name", "西安某配送服务有限公司");
        body.put("type", "PARTNER");
        body.put("platform", "美团");
        body.put("divisionCode", "610103");
        body.put("organizationId", "xian-beilin");
        body.put("headcount", Map.of("DELIVERY_RIDER", 120, "COURIER", 5));
        body.put("keyPlatform", true);
        return body;
    }

    @Test
    void aSurveyedCompanyMovesThroughThePipelineOneStepAtATimeAndAnnouncesEachStep() {
        JsonNode created = post("/api/organizations/companies", XIAN_ORGANIZER, company(TestCreditCodes.code("610103")))
                .expect(201);
        String id = created.get("id").asString();
        assertThat(created.get("status").asString()).isEqualTo("SURVEYED");
        assertThat(created.get("totalHeadcount").asInt()).isEqualTo(125);
        String status = "/api/organizations/companies/" + id + "/status";

        post(status, XIAN_ORGANIZER, Map.of("status", "PREPARING")).expectProblem(422, "status", "status-order");
        post(status, XIAN_ORGANIZER, Map.of("status", "GUIDED", "note", "上门宣传")).expect(200);
        post(status, XIAN_ORGANIZER, Map.of("status", "SURVEYED")).expectProblem(422, "status", "status-order");
        post(status, XIAN_ORGANIZER, Map.of("status", "PREPARING")).expect(200);
        post(status, XIAN_ORGANIZER, Map.of("status", "ESTABLISHED"))
                .expectProblem(422, "coveringOrganizationId", "established-needs-union");
        post(status, XIAN_ORGANIZER, Map.of("status", "ESTABLISHED", "coveringOrganizationId", "xianyang"))
                .expectProblem(422, "coveringOrganizationId", "unknown-organization");
        try (BusProbe probe = new BusProbe(amqpAdmin, rabbit, json, exchange, "enterprise.status-changed")) {
            JsonNode established = post(status, XIAN_ORGANIZER, Map.of("status", "ESTABLISHED",
                    "coveringOrganizationId", "beilin-delivery-joint")).expect(200);
            assertThat(established.get("statusHistory")).extracting(h -> h.get("status").asString())
                    .containsExactly("SURVEYED", "GUIDED", "PREPARING", "ESTABLISHED");
            assertThat(established.get("statusHistory").get(3).get("by").asString()).contains("organizer");
            JsonNode event = probe.await("companyId", id);
            assertThat(event).isNotNull();
            assertThat(event.get("payload").get("status").asString()).isEqualTo("ESTABLISHED");
            assertThat(event.get("payload").get("coveringOrganizationId").asString())
                    .isEqualTo("beilin-delivery-joint");
        }
    }

    @Test
    void invalidAndDuplicateCreditCodesAreRefusedNamingTheField() {
        String code = TestCreditCodes.code("610103");
        char wrongCheck = code.charAt(17) == '0' ? '1' : '0';
        post("/api/organizations/companies", ADMIN, company(code.substring(0, 17) + wrongCheck))
                .expectProblem(400, "creditCode", null);
        post("/api/organizations/companies", ADMIN, company("91610103MA6U0000I1"))
                .expectProblem(400, "creditCode", null);
        post("/api/organizations/companies", ADMIN, company(code)).expect(201);
        post("/api/organizations/companies", ADMIN, company(code)).expectProblem(409, "creditCode", "credit-code-unique");
        post("/api/organizations/companies", ADMIN, company(null)).expectProblem(422, "creditCode", "credit-code-required");
        Map<String, Object> elsewhere = company(TestCreditCodes.code("610402"));
        elsewhere.put("divisionCode", "610402");
        post("/api/organizations/companies", ADMIN, elsewhere)
                .expectProblem(422, "divisionCode", "division-within-organization");
        Map<String, Object> unknown = company(TestCreditCodes.code("610103"));
        unknown.put("organizationId", "no-such-org");
        post("/api/organizations/companies", ADMIN, unknown).expectProblem(422, "organizationId", "unknown-organization");
        Map<String, Object> badHeadcount = company(TestCreditCodes.code("610103"));
        badHeadcount.put("headcount", Map.of("DELIVERY_RIDER", -1));
        post("/api/organizations/companies", ADMIN, badHeadcount).expectProblem(400, null, null);
    }

    @Test
    void theWatchListShowsKeyPlatformsInScopeLeastRecentlyFollowedFirst() {
        JsonNode created = post("/api/organizations/companies", XIAN_ORGANIZER, company(TestCreditCodes.code("610103")))
                .expect(201);
        String id = created.get("id").asString();
        JsonNode before = entry(id);
        assertThat(before.get("lastFollowUpAt").isNull()).isTrue();
        assertThat(before.get("followedUpThisWeek").asBoolean()).isFalse();

        JsonNode followed = post("/api/organizations/companies/" + id + "/follow-ups", XIAN_ORGANIZER,
                Map.of("note", "与企业负责人沟通建会事宜")).expect(200);
        assertThat(followed.get("followUps")).hasSize(1);
        JsonNode after = entry(id);
        assertThat(after.get("followedUpThisWeek").asBoolean()).isTrue();
        assertThat(after.get("daysSinceFollowUp").asLong()).isZero();
        post("/api/organizations/companies/" + id + "/follow-ups", XIAN_ORGANIZER, Map.of("note", " "))
                .expectProblem(400, "note", null);

        JsonNode list = get("/api/organizations/companies/watch-list?size=200", XIAN_ORGANIZER).expect(200);
        assertThat(list.get("items")).allSatisfy(e -> assertThat(e.get("orgPath").asString()).startsWith("/shaanxi/xian/"));
        List<java.time.Instant> lastFollowUps = new java.util.ArrayList<>();
        list.get("items").forEach(e -> lastFollowUps.add(e.get("lastFollowUpAt").isNull() ? java.time.Instant.MIN
                : java.time.Instant.parse(e.get("lastFollowUpAt").asString())));
        assertThat(lastFollowUps).isSorted();
    }

    private JsonNode entry(String id) {
        for (int page = 0; ; page++) {
            JsonNode list = get("/api/organizations/companies/watch-list?size=200&page=" + page, XIAN_ORGANIZER)
                    .expect(200);
            for (JsonNode e : list.get("items")) {
                if (e.get("companyId").asString().equals(id)) {
                    return e;
                }
            }
            if (page >= list.get("totalPages").asInt()) {
                throw new AssertionError("not on the watch list: " + id);
            }
        }
    }
}
