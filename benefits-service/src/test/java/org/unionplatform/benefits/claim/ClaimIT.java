package org.unionplatform.benefits.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unionplatform.benefits.BenefitsIT;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;

class ClaimIT extends BenefitsIT {

    @Test
    void memberClaimsAndOfficerApprovesWithinCeilingAndBudget() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        var fields = moneyProgram(org, "互助医疗女职工保险", 300_000L, 1L);
        fields.put("kind", "FEMALE_MEDICAL_MUTUAL_AID");
        fields.put("perClaimCeilingFen", 200_000L);
        String programId = openProgram(officer, fields);
        String memberId = "claim-" + org.unionId();
        member(memberId, org.unionId(), org.unionPath());
        String member = TestTokens.member(memberId);

        HttpAnswer submitted = post("/api/benefits/programs/" + programId + "/claims", member,
                Map.of("amountFen", 250_000, "description", "住院", "attachments", List.of("file:invoice-1")));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String claimId = submitted.json().get("id").asString();
        assertThat(submitted.json().get("memberId").asString()).isEqualTo(memberId);

        HttpAnswer overCeiling = post("/api/benefits/claims/" + claimId + "/approval", officer, Map.of("amountFen", 250_000));
        assertThat(overCeiling.status()).isEqualTo(422);
        assertThat(overCeiling.json().get("rule").asString()).isEqualTo("per-claim-ceiling");

        HttpAnswer withoutReason = post("/api/benefits/claims/" + claimId + "/approval", officer,
                Map.of("amountFen", 200_000));
        assertThat(withoutReason.status()).isEqualTo(422);
        assertThat(withoutReason.json().get("rule").asString()).isEqualTo("partial-reason");

        HttpAnswer approved = post("/api/benefits/claims/" + claimId + "/approval", officer,
                Map.of("amountFen", 200_000, "reason", "超出单次赔付上限"));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("reason").asString()).isEqualTo("超出单次赔付上限");
        // Approved is held on the budget; paying it out spends it.
        assertThat(program(programId, officer).get("reservedFen").asLong()).isEqualTo(200_000L);
        HttpAnswer paid = post("/api/benefits/claims/" + claimId + "/payout", officer, Map.of("reference", "ICBC-0001"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
        assertThat(paid.json().get("payoutReference").asString()).isEqualTo("ICBC-0001");
        assertThat(post("/api/benefits/claims/" + claimId + "/payout", officer, Map.of("reference", "ICBC-0001"))
                .json().get("paidAt")).isEqualTo(paid.json().get("paidAt"));
        assertThat(approved.json().get("approvedFen").asLong()).isEqualTo(200_000L);
        assertThat(post("/api/benefits/claims/" + claimId + "/rejection", officer, Map.of("reason", "x")).status())
                .isEqualTo(422);

        // A second claim larger than what is left of the budget: 409, budget untouched.
        String second = post("/api/benefits/programs/" + programId + "/claims", officer,
                Map.of("memberId", memberId, "amountFen", 150_000, "description", "门诊")).json().get("id").asString();
        HttpAnswer noBudget = post("/api/benefits/claims/" + second + "/approval", officer, Map.of("amountFen", 150_000));
        assertThat(noBudget.status()).isEqualTo(409);
        HttpAnswer rejected = post("/api/benefits/claims/" + second + "/rejection", officer, Map.of("reason", "超出预算"));
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");

        var program = program(programId, officer);
        assertThat(program.get("spentFen").asLong()).isEqualTo(200_000L);
        assertThat(program.get("reservedFen").asLong()).isZero();
        assertThat(program.get("availableFen").asLong()).isEqualTo(100_000L);
        assertThat(get("/api/benefits/claims/" + claimId, member).status()).isEqualTo(200);
        // Never more than claimed, whatever the ceiling.
        String small = post("/api/benefits/programs/" + programId + "/claims", officer,
                Map.of("memberId", memberId, "amountFen", 10_000, "description", "挂号")).json().get("id").asString();
        HttpAnswer overClaimed = post("/api/benefits/claims/" + small + "/approval", officer, Map.of("amountFen", 10_001));
        assertThat(overClaimed.status()).isEqualTo(422);
        assertThat(overClaimed.json().get("rule").asString()).isEqualTo("claimed-amount");
        assertThat(get("/api/benefits/claims/" + claimId, TestTokens.member("someone-else")).status()).isEqualTo(404);
    }
}
