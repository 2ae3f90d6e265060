package org.unionplatform.benefits.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;
import org.unionplatform.benefits.BenefitsIT;
import org.unionplatform.benefits.StepCrashes.ArmedStepFaults;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.common.audit.AuditRecord;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

/**
 * Approving and paying a claim stopped at every step, and two approvers racing with one of them dying between its
 * hold and its release: after the sweep the budget holds exactly the one approved payout, spent once when paid.
 */
class ClaimRecoveryIT extends BenefitsIT {

    private static final long BUDGET = 300_000L;
    private static final long CLAIMED = 80_000L;

    @Autowired
    ArmedStepFaults faults;
    @Autowired
    ClaimRecoverySweep sweep;

    @AfterEach
    void calm() {
        faults.disarm();
    }

    @ParameterizedTest
    @ValueSource(strings = {"approve.after-reserve", "approve.after-save"})
    void aCrashWhileApprovingEndsWithOneHoldAndOnePayout(String point) {
        Fixture f = new Fixture();
        faults.crashAt(point);
        assertThat(f.approve(CLAIMED).status()).isEqualTo(500);

        sweepTwice();
        if (f.claim().status() == ClaimStatus.SUBMITTED) {
            // The approval never saved: its hold is gone, and the officer approves again.
            assertThat(f.program().reservedFen()).isZero();
            assertThat(f.approve(CLAIMED).status()).isEqualTo(200);
        }
        assertThat(f.program().reservedFen()).isEqualTo(CLAIMED);
        assertThat(audits("CLAIM_APPROVED", f.claimId)).isEqualTo(1);

        assertThat(f.payOut().status()).isEqualTo(200);
        f.assertPaidOnce();
    }

    @ParameterizedTest
    @ValueSource(strings = {"payout.after-save", "payout.after-audit"})
    void aCrashWhilePayingIsFinishedByTheSweepOrTheRepeatedPayout(String point) {
        Fixture f = new Fixture();
        assertThat(f.approve(CLAIMED).status()).isEqualTo(200);
        faults.crashAt(point);
        assertThat(f.payOut().status()).isEqualTo(500);
        assertThat(f.claim().status()).isEqualTo(ClaimStatus.PAID);

        sweepTwice();
        f.assertPaidOnce();
        HttpAnswer repeated = f.payOut();

        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.json().get("status").asString()).isEqualTo("PAID");
        f.assertPaidOnce();
    }

    @Test
    void aSecondApproverDyingBetweenItsHoldAndItsReleaseIsNeverSpent() throws Exception {
        Fixture f = new Fixture();
        // Approver A holds its payout, then waits; approver B approves and wins; A then loses the versioned save and
        // dies before giving its hold back.
        var paused = faults.pauseAt("approve.after-reserve");
        CompletableFuture<HttpAnswer> first = CompletableFuture.supplyAsync(() -> f.approve(CLAIMED));
        assertThat(paused.reached().await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(f.approve(CLAIMED - 10_000L, "发票金额不符").status()).isEqualTo(200);
        faults.crashAt("approve.before-release");
        paused.resume().countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(500);
        assertThat(f.program().reservedFen()).isEqualTo(2 * CLAIMED - 10_000L);

        sweepTwice();
        assertThat(f.program().reservedFen()).isEqualTo(CLAIMED - 10_000L);
        assertThat(f.payOut().status()).isEqualTo(200);
        sweepTwice();

        Program program = f.program();
        assertThat(program.spentFen()).isEqualTo(CLAIMED - 10_000L);
        assertThat(program.reservedFen()).isZero();
        assertThat(program.availableFen()).isEqualTo(BUDGET - CLAIMED + 10_000L);
        assertThat(program.pending()).isEmpty();
        assertThat(f.claim().approvedFen()).isEqualTo(CLAIMED - 10_000L);
    }

    private void sweepTwice() {
        sweep.sweep(Instant.now().plusSeconds(1));
        sweep.sweep(Instant.now().plusSeconds(1));
    }

    private long audits(String action, String claimId) {
        return mongo.count(Query.query(where("action").is(action).and("target").is("claim:" + claimId)),
                AuditRecord.class);
    }

    private final class Fixture {

        final Org org = newOrg();
        final String officer = TestTokens.benefitOfficer(org.districtPath());
        final String programId;
        final String claimId;

        Fixture() {
            var fields = moneyProgram(org, "互助保障 故障", BUDGET, 1L);
            fields.put("kind", "MUTUAL_AID_INSURANCE");
            fields.put("perClaimCeilingFen", 100_000L);
            programId = openProgram(officer, fields);
            String memberId = "claim-crash-" + org.unionId();
            member(memberId, org.unionId(), org.unionPath());
            claimId = post("/api/benefits/programs/" + programId + "/claims", officer,
                    Map.of("memberId", memberId, "amountFen", CLAIMED, "description", "住院")).json().get("id").asString();
        }

        HttpAnswer approve(long amountFen) {
            return post("/api/benefits/claims/" + claimId + "/approval", officer, Map.of("amountFen", amountFen));
        }

        HttpAnswer approve(long amountFen, String reason) {
            return post("/api/benefits/claims/" + claimId + "/approval", officer,
                    Map.of("amountFen", amountFen, "reason", reason));
        }

        HttpAnswer payOut() {
            return post("/api/benefits/claims/" + claimId + "/payout", officer, Map.of("reference", "ICBC-" + claimId));
        }

        Claim claim() {
            return mongo.findById(claimId, Claim.class);
        }

        Program program() {
            return mongo.findById(programId, Program.class);
        }

        void assertPaidOnce() {
            Program program = program();
            assertThat(program.spentFen()).isEqualTo(CLAIMED);
            assertThat(program.reservedFen()).isZero();
            assertThat(program.availableFen()).isEqualTo(BUDGET - CLAIMED);
            assertThat(program.pending()).isEmpty();
            assertThat(audits("CLAIM_PAID", claimId)).isEqualTo(1);
            assertThat(claim().status()).isEqualTo(ClaimStatus.PAID);
        }
    }
}
