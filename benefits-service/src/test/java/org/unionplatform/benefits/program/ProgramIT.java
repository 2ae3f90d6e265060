package org.unionplatform.benefits.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unionplatform.benefits.BenefitsIT;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

/** A program's status changes and its worker types, through HTTP. */
class ProgramIT extends BenefitsIT {

    @Test
    void aProgramOpensOnceClosesOnceAndTakesNoStockOnceClosed() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        var fields = moneyProgram(org, "清凉礼包 状态", 100_000L, 10_000L);
        fields.put("stock", 10);
        String programId = post("/api/benefits/programs", officer, fields).json().get("id").asString();

        HttpAnswer closeDraft = post("/api/benefits/programs/" + programId + "/close", officer, null);
        HttpAnswer opened = post("/api/benefits/programs/" + programId + "/open", officer, null);
        HttpAnswer openAgain = post("/api/benefits/programs/" + programId + "/open", officer, null);
        HttpAnswer restocked = post("/api/benefits/programs/" + programId + "/stock", officer, Map.of("items", 5));
        HttpAnswer closed = post("/api/benefits/programs/" + programId + "/close", officer, null);
        HttpAnswer closeAgain = post("/api/benefits/programs/" + programId + "/close", officer, null);
        HttpAnswer restockClosed = post("/api/benefits/programs/" + programId + "/stock", officer, Map.of("items", 5));

        assertThat(closeDraft.status()).isEqualTo(409);
        assertThat(closeDraft.json().get("reason").asString()).isEqualTo("program-status");
        assertThat(opened.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(openAgain.status()).isEqualTo(409);
        assertThat(openAgain.json().get("reason").asString()).isEqualTo("program-status");
        assertThat(restocked.json().get("stockAvailable").asLong()).isEqualTo(15);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closeAgain.status()).isEqualTo(409);
        assertThat(restockClosed.status()).isEqualTo(409);
        assertThat(restockClosed.json().get("reason").asString()).isEqualTo("program-status");
        assertThat(program(programId, officer).get("stockTotal").asLong()).isEqualTo(15);
    }

    @Test
    void aMoneyProgramTakesNoStock() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, moneyProgram(org, "慰问金 无库存", 100_000L, 10_000L));

        HttpAnswer restocked = post("/api/benefits/programs/" + programId + "/stock", officer, Map.of("items", 5));

        assertThat(restocked.status()).isEqualTo(422);
        assertThat(restocked.json().get("rule").asString()).isEqualTo("stock");
    }

    @Test
    void eligibilityNamesOnlyThePlatformsWorkerTypes() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        var known = moneyProgram(org, "骑手慰问", 100_000L, 10_000L);
        known.put("eligibility", Map.of("workerTypes", List.of("DELIVERY_RIDER", "COURIER")));
        var unknown = moneyProgram(org, "未知工种", 100_000L, 10_000L);
        unknown.put("eligibility", Map.of("workerTypes", List.of("ASTRONAUT")));

        HttpAnswer created = post("/api/benefits/programs", officer, known);
        HttpAnswer refused = post("/api/benefits/programs", officer, unknown);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("eligibility").get("workerTypes").size()).isEqualTo(2);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.headers().allValues("content-type"))
                .anySatisfy(v -> assertThat(v).contains("application/problem+json"));
        assertThat(refused.body()).contains("workerTypes").contains("not a known worker type")
                .doesNotContain("Exception");
    }
}
