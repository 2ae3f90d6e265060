package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/** A consultation round with a platform: planned, opinions gathered from riders, held with an agreement. */
class ConsultationIT extends ServiceIT {

    private static final String ROUNDS = "/api/organizations/consultations";
    private static final String BEILIN_ORGANIZER = TestTokens.organizer("/shaanxi/xian/xian-beilin/");
    private static final LocalDate TODAY = LocalDate.now(ChinaTime.ZONE);

    private String platform() {
        return post("/api/organizations/companies", BEILIN_ORGANIZER, Map.of("creditCode",
                TestCreditCodes.code("610103"), "name", "碑林某外卖平台配送公司", "type", "PLATFORM", "platform",
                "饿了么", "divisionCode", "610103", "organizationId", "xian-beilin")).expect(201).get("id").asString();
    }

    private JsonNode plan(String companyId, LocalDate opinionsUntil) {
        return post(ROUNDS, BEILIN_ORGANIZER, Map.of("organizationId", "xian-beilin", "companyId", companyId,
                "title", "骑手劳动定额与派单规则协商", "topics", List.of("LABOUR_STANDARDS", "ALGORITHMS", "REST"),
                "participants", List.of(Map.of("name", "碑林区总工会", "side", "UNION"),
                        Map.of("name", "平台区域负责人", "side", "COMPANY", "role", "运营经理"),
                        Map.of("name", "骑手代表 张师傅", "side", "WORKER_REPRESENTATIVE")),
                "plannedOn", TODAY.plusDays(7).toString(), "opinionsUntil", opinionsUntil.toString()))
                .expect(201);
    }

    private long consultationsThisMonth() {
        return get("/api/organizations/xian/reports/monthly?year=" + TODAY.getYear() + "&month="
                + TODAY.getMonthValue(), ADMIN).expect(200).get("consultations").get("month").asLong();
    }

    @Test
    void aRoundGathersOpinionsFromThreeRidersIsHeldWithAnAgreementAndCountsInTheMonthlyReport() {
        long before = consultationsThisMonth();
        String companyId = platform();
        JsonNode round = plan(companyId, TODAY.plusDays(5));
        String id = round.get("id").asString();
        assertThat(round.get("status").asString()).isEqualTo("GATHERING");
        assertThat(round.get("takingOpinions").asBoolean()).isTrue();
        assertThat(get(ROUNDS + "/open", null).expect(200).valueStream().map(r -> r.get("id").asString()))
                .contains(id);

        String opinions = ROUNDS + "/" + id + "/opinions";
        post(opinions, null, Map.of("topic", "ALGORITHMS", "text", "系统派单时间太紧，恶劣天气应自动延长配送时限",
                "anonymous", true, "workerType", "DELIVERY_RIDER")).expect(201);
        post(opinions, TestTokens.member("member-rider-1"), Map.of("topic", "REST", "text", "希望每连续工作四小时有二十分钟休息",
                "anonymous", false, "name", "李骑手", "workerType", "DELIVERY_RIDER")).expect(201);
        JsonNode anonymousMember = post(opinions, TestTokens.member("member-rider-2"), Map.of("topic",
                "LABOUR_STANDARDS", "text", "超时罚款标准过高", "anonymous", true, "name", "不应保存")).expect(201);
        assertThat(anonymousMember.get("anonymous").asBoolean()).isTrue();

        JsonNode gathered = get(opinions + "?size=50", BEILIN_ORGANIZER).expect(200);
        assertThat(gathered.get("totalItems").asLong()).isEqualTo(3);
        for (JsonNode opinion : gathered.get("items")) {
            if (opinion.get("anonymous").asBoolean()) {
                assertThat(opinion.get("name").isNull()).isTrue();
                assertThat(opinion.get("member").asBoolean()).isFalse();
            } else {
                assertThat(opinion.get("name").asString()).isEqualTo("李骑手");
                assertThat(opinion.get("member").asBoolean()).isTrue();
            }
        }
        JsonNode read = get(ROUNDS + "/" + id, BEILIN_ORGANIZER).expect(200);
        assertThat(read.get("opinions").asLong()).isEqualTo(3);
        assertThat(read.get("opinionsByTopic").get("ALGORITHMS").asLong()).isEqualTo(1);

        JsonNode held = post(ROUNDS + "/" + id + "/outcome", BEILIN_ORGANIZER, Map.of("heldOn", TODAY.toString(),
                "kind", "AGREEMENT", "summary", "平台同意恶劣天气延长配送时限10分钟，超时罚款改为提醒",
                "followUps", List.of(Map.of("what", "平台发布新版派单规则", "dueOn", TODAY.plusDays(30).toString()),
                        Map.of("what", "工会回访骑手执行情况", "dueOn", TODAY.plusDays(60).toString()))))
                .expect(200);
        assertThat(held.get("status").asString()).isEqualTo("HELD");
        assertThat(held.get("outcome").get("kind").asString()).isEqualTo("AGREEMENT");
        assertThat(held.get("followUps")).hasSize(2);
        assertThat(consultationsThisMonth()).isEqualTo(before + 1);

        post(ROUNDS + "/" + id + "/outcome", BEILIN_ORGANIZER, Map.of("heldOn", TODAY.toString(), "kind",
                "AGREEMENT", "summary", "again")).expectProblem(409, null, null);
        assertThat(consultationsThisMonth()).isEqualTo(before + 1);
        post(opinions, null, Map.of("topic", "REST", "text", "晚了", "anonymous", true))
                .expectProblem(409, null, "opinions-closed");

        String followUp = held.get("followUps").get(0).get("id").asString();
        JsonNode done = post(ROUNDS + "/" + id + "/follow-ups/" + followUp + "/done", BEILIN_ORGANIZER,
                Map.of("note", "新规则已上线")).expect(200);
        assertThat(done.get("followUps").get(0).get("done").asBoolean()).isTrue();
        assertThat(done.get("followUps").get(0).get("doneOn").asString()).isEqualTo(TODAY.toString());
        post(ROUNDS + "/" + id + "/follow-ups/" + followUp + "/done", BEILIN_ORGANIZER, Map.of())
                .expectProblem(409, null, null);
        post(ROUNDS + "/" + id + "/follow-ups/no-such-item/done", BEILIN_ORGANIZER, Map.of())
                .expectProblem(404, null, null);
    }

    @Test
    void outOfScopeIsNotFoundAndOtherRolesAreForbidden() {
        String id = plan(platform(), TODAY).get("id").asString();

        get(ROUNDS + "/" + id, TestTokens.organizer("/shaanxi/xianyang/")).expectProblem(404, null, null);
        get(ROUNDS + "/" + id + "/opinions", TestTokens.organizer("/shaanxi/xianyang/")).expectProblem(404, null, null);
        assertThat(get(ROUNDS + "?size=200", TestTokens.organizer("/shaanxi/xianyang/")).expect(200).get("items")
                .valueStream().map(r -> r.get("id").asString())).doesNotContain(id);
        get(ROUNDS + "/" + id, TestTokens.benefitOfficer("/shaanxi/xian/")).expectProblem(403, null, null);
        get(ROUNDS + "/" + id, null).expectProblem(401, null, null);
        post(ROUNDS + "/" + id + "/outcome", TestTokens.organizer("/shaanxi/xianyang/"), Map.of("heldOn",
                TODAY.toString(), "kind", "NO_AGREEMENT", "summary", "x")).expectProblem(404, null, null);
    }

    @Test
    void malformedInputIsABadRequestAndBrokenRulesAreUnprocessable() {
        String companyId = platform();
        post(ROUNDS, BEILIN_ORGANIZER, Map.of("organizationId", "xian-beilin", "companyId", companyId, "title", "t",
                "plannedOn", TODAY.plusDays(3).toString(), "opinionsUntil", TODAY.toString()))
                .expectProblem(400, null, null);
        post(ROUNDS, BEILIN_ORGANIZER, Map.of("organizationId", "xian-beilin", "companyId", companyId, "title", "t",
                "topics", List.of("WEATHER"), "plannedOn", TODAY.plusDays(3).toString(), "opinionsUntil",
                TODAY.toString())).expectProblem(400, null, null);
        post(ROUNDS, BEILIN_ORGANIZER, Map.of("organizationId", "xian-beilin", "companyId", companyId, "title", "t",
                "topics", List.of("PAY"), "plannedOn", TODAY.plusDays(3).toString(), "opinionsUntil",
                TODAY.plusDays(4).toString())).expectProblem(422, null, "opinions-until");
        post(ROUNDS, TestTokens.organizer("/shaanxi/xianyang/"), Map.of("organizationId", "xianyang",
                "companyId", companyId, "title", "t", "topics", List.of("PAY"), "plannedOn",
                TODAY.plusDays(3).toString(), "opinionsUntil", TODAY.toString()))
                .expectProblem(422, "companyId", "unknown-company");

        String id = plan(companyId, TODAY).get("id").asString();
        String opinions = ROUNDS + "/" + id + "/opinions";
        post(opinions, null, Map.of("topic", "PAY", "text", "不在议题内", "anonymous", true))
                .expectProblem(422, null, "topic");
        post(opinions, null, Map.of("topic", "REST", "text", "", "anonymous", true)).expectProblem(400, null, null);
        post(opinions, null, Map.of("topic", "REST", "text", "x", "anonymous", true, "workerType", "ASTRONAUT"))
                .expectProblem(422, "workerType", "worker-type");
        post(ROUNDS + "/no-such-round/opinions", null, Map.of("topic", "REST", "text", "x", "anonymous", true))
                .expectProblem(404, null, null);
        post(ROUNDS + "/" + id + "/outcome", BEILIN_ORGANIZER, Map.of("heldOn", TODAY.plusDays(1).toString(),
                "kind", "AGREEMENT", "summary", "未来")).expectProblem(422, null, "held-on");
    }
}
