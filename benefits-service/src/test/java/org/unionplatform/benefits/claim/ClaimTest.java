package org.unionplatform.benefits.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unionplatform.benefits.client.MemberEligibility;
import org.unionplatform.benefits.events.ClaimDecided;
import org.unionplatform.benefits.events.ClaimPaid;
import org.unionplatform.benefits.program.ProgramStatus;
import org.unionplatform.benefits.program.TestPrograms;
import org.unionplatform.common.events.RegisteredEvents;
import org.unionplatform.common.web.BusinessRuleViolationException;

/**
 * A claim is SUBMITTED, then decided once: APPROVED within the amount claimed and the ceiling (partly only with a
 * reason), or REJECTED; an approved claim is PAID once. Each step announced.
 */
class ClaimTest {

    private static final Instant SUBMITTED_AT = Instant.parse("2026-07-01T02:00:00Z");
    private static final Instant DECIDED_AT = Instant.parse("2026-07-02T03:00:00Z");
    private static final long CEILING = 50_000L;

    @Test
    void aSubmittedClaimWaitsForADecision() {
        Claim claim = submit();

        assertThat(claim.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(claim.attachments()).containsExactly("file:invoice-1");
        assertThat(RegisteredEvents.of(claim)).isEmpty();
    }

    @Test
    void approvingWithinTheCeilingPaysAndAnnouncesTheDecision() {
        Claim claim = submit();

        claim.approve(CEILING, CEILING, "超出部分不在保障范围", "c-1|a", "officer", DECIDED_AT);

        assertThat(claim.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(claim.approvedFen()).isEqualTo(CEILING);
        assertThat(claim.reservationRef()).isEqualTo("c-1|a");
        assertThat(claim.decidedBy()).isEqualTo("officer");
        assertThat(RegisteredEvents.of(claim)).containsExactly(new ClaimDecided("c-1", "p-1", "夏送清凉", "m-1",
                "APPROVED", CEILING, "超出部分不在保障范围", DECIDED_AT));
    }

    @Test
    void approvingAboveTheCeilingIsRefusedAndLeavesTheClaimSubmitted() {
        Claim claim = submit();

        assertThatThrownBy(() -> claim.approve(CEILING + 1, CEILING, "x", "c-1|a", "officer", DECIDED_AT))
                .satisfies(e -> assertRule(e, "per-claim-ceiling"));
        assertThat(claim.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(RegisteredEvents.of(claim)).isEmpty();
    }

    @Test
    void rejectingRecordsTheReasonAndAnnouncesTheDecision() {
        Claim claim = submit();

        claim.reject("材料不全", "officer", DECIDED_AT);

        assertThat(claim.status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(claim.reason()).isEqualTo("材料不全");
        assertThat(RegisteredEvents.of(claim)).containsExactly(new ClaimDecided("c-1", "p-1", "夏送清凉", "m-1",
                "REJECTED", 0, "材料不全", DECIDED_AT));
    }

    @Test
    void aDecidedClaimIsNeverDecidedAgain() {
        Claim approved = submit();
        approved.approve(1_000L, CEILING, "x", "c-1|a", "officer", DECIDED_AT);
        Claim rejected = submit();
        rejected.reject("材料不全", "officer", DECIDED_AT);
        RegisteredEvents.of(approved);
        RegisteredEvents.of(rejected);

        assertThatThrownBy(() -> approved.reject("x", "officer", DECIDED_AT)).satisfies(e -> assertRule(e, "claim-status"));
        assertThatThrownBy(() -> approved.approve(1_000L, CEILING, "x", "c-1|a", "officer", DECIDED_AT))
                .satisfies(e -> assertRule(e, "claim-status"));
        assertThatThrownBy(() -> rejected.approve(1_000L, CEILING, "x", "c-1|a", "officer", DECIDED_AT))
                .satisfies(e -> assertRule(e, "claim-status"));
        assertThat(approved.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(approved.approvedFen()).isEqualTo(1_000L);
        assertThat(rejected.status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(RegisteredEvents.of(approved)).isEmpty();
        assertThat(RegisteredEvents.of(rejected)).isEmpty();
    }

    @Test
    void theWholeAmountClaimedNeedsNoReason() {
        Claim claim = submit(CEILING);

        claim.approve(CEILING, CEILING, null, "c-1|a", "officer", DECIDED_AT);

        assertThat(claim.reason()).isNull();
        assertThat(RegisteredEvents.of(claim)).containsExactly(new ClaimDecided("c-1", "p-1", "夏送清凉", "m-1",
                "APPROVED", CEILING, null, DECIDED_AT));
    }

    @Test
    void approvingMoreThanClaimedIsRefusedEvenWithinTheCeiling() {
        Claim claim = submit(10_000L);

        assertThatThrownBy(() -> claim.approve(10_001L, CEILING, null, "c-1|a", "officer", DECIDED_AT))
                .satisfies(e -> assertRule(e, "claimed-amount"));
        assertThat(claim.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(claim.reservationRef()).isNull();
        assertThat(RegisteredEvents.of(claim)).isEmpty();
    }

    @Test
    void aPartialApprovalNeedsAReasonWhichTheDecisionCarries() {
        Claim claim = submit(10_000L);

        assertThatThrownBy(() -> claim.approve(6_000L, CEILING, " ", "c-1|a", "officer", DECIDED_AT))
                .satisfies(e -> assertRule(e, "partial-reason"));
        assertThat(claim.status()).isEqualTo(ClaimStatus.SUBMITTED);

        claim.approve(6_000L, CEILING, "自费药品不予报销", "c-1|a", "officer", DECIDED_AT);

        assertThat(claim.approvedFen()).isEqualTo(6_000L);
        assertThat(claim.reason()).isEqualTo("自费药品不予报销");
        assertThat(RegisteredEvents.of(claim)).containsExactly(new ClaimDecided("c-1", "p-1", "夏送清凉", "m-1",
                "APPROVED", 6_000L, "自费药品不予报销", DECIDED_AT));
    }

    @Test
    void onlyAnApprovedClaimIsPaidAndOnceUnderOneReference() {
        Claim submitted = submit(10_000L);
        assertThatThrownBy(() -> submitted.payOut("TX-1", "officer", DECIDED_AT))
                .satisfies(e -> assertRule(e, "claim-status"));

        Claim claim = submit(10_000L);
        claim.approve(10_000L, CEILING, null, "c-1|a", "officer", DECIDED_AT);
        RegisteredEvents.of(claim);
        Instant paidAt = DECIDED_AT.plusSeconds(3600);

        assertThat(claim.payOut("TX-1", "cashier", paidAt)).isTrue();
        assertThat(claim.status()).isEqualTo(ClaimStatus.PAID);
        assertThat(claim.paidBy()).isEqualTo("cashier");
        assertThat(RegisteredEvents.of(claim)).containsExactly(new ClaimPaid("c-1", "p-1", "m-1", 10_000L, "TX-1", paidAt));

        assertThat(claim.payOut("TX-1", "cashier", paidAt.plusSeconds(1))).isFalse();
        assertThatThrownBy(() -> claim.payOut("TX-2", "cashier", paidAt)).satisfies(e -> assertRule(e, "claim-status"));
        assertThat(claim.payoutReference()).isEqualTo("TX-1");
        assertThat(RegisteredEvents.of(claim)).isEmpty();
    }

    @Test
    void aRejectedClaimIsNeverPaid() {
        Claim claim = submit();
        claim.reject("材料不全", "officer", DECIDED_AT);

        assertThatThrownBy(() -> claim.payOut("TX-1", "cashier", DECIDED_AT)).satisfies(e -> assertRule(e, "claim-status"));
    }

    private static Claim submit() {
        return submit(60_000L);
    }

    private static Claim submit(long claimedFen) {
        MemberEligibility member = new MemberEligibility("m-1", "ACTIVE", "DELIVERY_RIDER", "FEMALE",
                "beilin-delivery-joint", "/shaanxi/xian/xian-beilin/beilin-delivery-joint/", LocalDate.of(2025, 1, 1),
                false, null);
        return Claim.submitted("c-1", TestPrograms.insurance(ProgramStatus.OPEN), member, claimedFen, "住院",
                List.of("file:invoice-1"), "m-1", SUBMITTED_AT);
    }

    private static void assertRule(Throwable e, String rule) {
        assertThat(e).isInstanceOf(BusinessRuleViolationException.class);
        assertThat(((BusinessRuleViolationException) e).properties()).containsEntry("rule", rule);
    }
}
