package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.testsupport.security.TestTokens;
import tools.jackson.databind.JsonNode;

class FoundingIT extends ServiceIT {

    static final List<String> ELECTION = List.of("IMPLEMENTATION_PLAN", "MEMBER_REGISTRATION", "ASSEMBLY_NOTICE",
            "ELECTION_RULES", "CANDIDATE_NOMINATION", "VOTE_COUNT");
    static final List<String> AFTER_APPROVAL = List.of("ONLINE_REGISTRATION", "LEGAL_PERSON_CERTIFICATE",
            "BANK_ACCOUNT");

    @Autowired
    AmqpAdmin amqpAdmin;
    @Autowired
    RabbitTemplate rabbit;
    @Value("${platform.bus.exchange}")
    String exchange;

    @Test
    void theUnionAboveApprovesAfterTheElectionAndFromThenTheUnionExistsLinksItsCompaniesAndIsAnnounced() {
        JsonNode company = post("/api/organizations/companies", XIAN_ORGANIZER, Map.of("creditCode",
                TestCreditCodes.code("610100"), "name", "西安某网约车平台公司", "type", "PLATFORM", "divisionCode",
                "610100", "organizationId", "xian-ride-hailing-federation")).expect(201);
        String companyId = company.get("id").asString();
        long foundedBefore = unionsFounded("xian");
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        LocalDate approvedOn = today.withDayOfMonth(1).minusMonths(1); // counted in the approval's month
        String id;
        try (BusProbe probe = new BusProbe(amqpAdmin, rabbit, json, exchange, "founding.started")) {
            JsonNode founding = post("/api/organizations/foundings", XIAN_ORGANIZER, Map.of(
                    "parentId", "xian-ride-hailing-federation", "name", "某网约车平台公司工会", "kind",
                    "ENTERPRISE_UNION", "divisionCode", "610100", "workerTypes", List.of("RIDE_HAILING_DRIVER"),
                    "companyIds", List.of(companyId))).expect(201);
            id = founding.get("id").asString();
            assertThat(founding.get("nextStep").asString()).isEqualTo("IMPLEMENTATION_PLAN");
            JsonNode started = probe.await("foundingId", id);
            assertThat(started).as("founding.started published").isNotNull();
            assertThat(started.get("payload").get("orgPath").asString())
                    .isEqualTo("/shaanxi/xian/xian-ride-hailing-federation/" + id + "/");
        }
        String steps = "/api/organizations/foundings/" + id + "/steps";
        for (String step : ELECTION) {
            post(steps, XIAN_ORGANIZER, Map.of("step", step, "date", approvedOn.minusDays(2).toString(),
                    "note", step + " 完成")).expect(200);
        }
        get("/api/organizations/" + id, XIAN_ORGANIZER).expectProblem(404, null, null);
        post(steps, XIAN_ORGANIZER, Map.of("step", "UNION_APPROVAL", "date", approvedOn.toString()))
                .expectProblem(422, "step", "founding-approval");
        post(steps, XIAN_ORGANIZER, Map.of("step", "LEGAL_PERSON_CERTIFICATE", "date", today.toString()))
                .expectProblem(422, "step", "founding-step-order");
        assertThat(unionsFounded("xian")).isEqualTo(foundedBefore);
        String approval = "/api/organizations/foundings/" + id + "/approval";
        post(approval, TestTokens.organizer("/shaanxi/xianyang/"), Map.of("date", approvedOn.toString()))
                .expectProblem(404, null, null);
        post(approval, TestTokens.benefitOfficer("/shaanxi/xian/"), Map.of("date", approvedOn.toString()))
                .expectProblem(403, null, null);

        try (BusProbe probe = new BusProbe(amqpAdmin, rabbit, json, exchange, "organization.established")) {
            JsonNode approved = post(approval, XIAN_ORGANIZER, Map.of("date", approvedOn.toString(), "note",
                    "西安市网约车行业工会联合会批复")).expect(200);
            assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
            assertThat(approved.get("approvedOn").asString()).isEqualTo(approvedOn.toString());
            assertThat(approved.get("nextStep").asString()).isEqualTo("ONLINE_REGISTRATION");
            String unionId = approved.get("organizationId").asString();
            assertThat(unionId).isEqualTo(id);
            JsonNode union = get("/api/organizations/" + unionId, XIAN_ORGANIZER).expect(200);
            assertThat(union.get("orgPath").asString())
                    .isEqualTo("/shaanxi/xian/xian-ride-hailing-federation/" + unionId + "/");
            JsonNode linked = get("/api/organizations/companies/" + companyId, XIAN_ORGANIZER).expect(200);
            assertThat(linked.get("status").asString()).isEqualTo("ESTABLISHED");
            assertThat(linked.get("coveringOrganizationId").asString()).isEqualTo(unionId);
            assertThat(unionsFounded("xian")).isEqualTo(foundedBefore + 1);
            JsonNode report = get("/api/organizations/xian-ride-hailing-federation/reports/monthly?year="
                    + approvedOn.getYear() + "&month=" + approvedOn.getMonthValue(), ADMIN).expect(200);
            assertThat(report.get("months").get(approvedOn.getMonthValue() - 1).get("unionsFounded").asLong())
                    .as("counted in the month of the approval").isEqualTo(1);

            JsonNode event = probe.await("organizationId", unionId);
            assertThat(event).as("organization.established published").isNotNull();
            assertThat(event.get("payload").get("orgPath").asString()).isEqualTo(union.get("orgPath").asString());
            assertThat(event.get("payload").get("parentId").asString()).isEqualTo("xian-ride-hailing-federation");
            assertThat(event.get("payload").get("kind").asString()).isEqualTo("ENTERPRISE_UNION");
            assertThat(event.get("payload").get("divisionCode").asString()).isEqualTo("610100");
        }
        post(approval, XIAN_ORGANIZER, Map.of("date", today.toString())).expectProblem(422, "step",
                "founding-step-order");
        JsonNode last = null;
        for (String step : AFTER_APPROVAL) {
            last = post(steps, XIAN_ORGANIZER, Map.of("step", step, "date", today.toString())).expect(200);
        }
        assertThat(last.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(last.get("steps")).hasSize(10);
        assertThat(unionsFounded("xian")).as("founded once").isEqualTo(foundedBefore + 1);
        post(steps, XIAN_ORGANIZER, Map.of("step", "BANK_ACCOUNT", "date", today.toString()))
                .expectProblem(409, null, "founding-completed");
    }

    @Test
    void stepsOutOfOrderOrDatedBackwardsAreRefused() {
        JsonNode founding = post("/api/organizations/foundings", XIAN_ORGANIZER, Map.of(
                "parentId", "xian-beilin", "name", "某配送站联合工会", "kind", "JOINT_UNION",
                "divisionCode", "610103", "workerTypes", List.of("DELIVERY_RIDER"))).expect(201);
        String steps = "/api/organizations/foundings/" + founding.get("id").asString() + "/steps";
        LocalDate today = LocalDate.now(ChinaTime.ZONE);

        JsonNode problem = post(steps, XIAN_ORGANIZER, Map.of("step", "ASSEMBLY_NOTICE", "date", today.toString()))
                .expectProblem(422, "step", "founding-step-order");
        assertThat(problem.get("detail").asString()).contains("IMPLEMENTATION_PLAN");
        post(steps, XIAN_ORGANIZER, Map.of("step", "IMPLEMENTATION_PLAN", "date", today.toString())).expect(200);
        post(steps, XIAN_ORGANIZER, Map.of("step", "IMPLEMENTATION_PLAN", "date", today.toString()))
                .expectProblem(422, "step", "founding-step-order");
        post(steps, XIAN_ORGANIZER, Map.of("step", "MEMBER_REGISTRATION", "date", today.minusDays(1).toString()))
                .expectProblem(422, "date", "founding-step-date");
        post(steps, XIAN_ORGANIZER, Map.of("step", "MEMBER_REGISTRATION", "date", today.plusDays(1).toString()))
                .expectProblem(422, "date", "founding-step-date");
        post(steps, XIAN_ORGANIZER, Map.of("step", "NO_SUCH_STEP", "date", today.toString()))
                .expectProblem(400, "step", null);
        post(steps, XIAN_ORGANIZER, Map.of("step", "MEMBER_REGISTRATION")).expectProblem(400, "date", null);
    }

    @Test
    void aFoundingNeedsAKnownParentInScopeAndAFoundableKind() {
        post("/api/organizations/foundings", XIAN_ORGANIZER, Map.of("parentId", "xianyang", "name", "x", "kind",
                "ENTERPRISE_UNION", "divisionCode", "610400")).expectProblem(422, "parentId", "unknown-parent");
        post("/api/organizations/foundings", XIAN_ORGANIZER, Map.of("parentId", "xian", "name", "x", "kind",
                "DISTRICT_FEDERATION", "divisionCode", "610103")).expectProblem(422, "kind", "founding-kind");
        post("/api/organizations/foundings", XIAN_ORGANIZER, Map.of("parentId", "xian", "name", "x", "kind",
                "ENTERPRISE_UNION", "divisionCode", "610100", "companyIds", List.of("no-such-company")))
                .expectProblem(422, "companyIds", "unknown-company");
        post("/api/organizations/foundings", XIAN_ORGANIZER, Map.of("parentId", "xian", "name", "x", "kind",
                "ENTERPRISE_UNION", "divisionCode", "000000")).expectProblem(400, "divisionCode", null);
    }

    private long unionsFounded(String id) {
        return get("/api/organizations/" + id + "/summary", ADMIN).expect(200).get("unionsFounded").asLong();
    }
}
