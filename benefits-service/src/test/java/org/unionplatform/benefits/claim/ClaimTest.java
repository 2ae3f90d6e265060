package org.unionplatform.benefits.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unionplatform.benefits.client.MemberEligibility;
import org.unionplatform.benefits.events.ClaimDecided;
import org.unionplatform.benefits.program.ProgramStatus;
import org.unionplatform.benefits.program.TestPrograms;
import org.unionplatform.common.events.RegisteredEvents;
import org.unionplatform.common.web.BusinessRuleViolationException;

/** A claim is SUBMITTED, then decided once: APPROVED within the ceiling, or REJECTED; each decision announced. */
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

        claim.approve(CEILING, CEILING, "officer", DECIDED_AT);

        assertThat(claim.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(claim.paidFen()).isEqualTo(CEILING);
        assertThat(claim.decidedBy()).isEqualTo("officer");
        assertThat(RegisteredEvents.of(claim)).containsExactly(new ClaimDecided("c-1", "p-1", "夏送清凉", "m-1",
                "APPROVED", CEILING, null, DECIDED_AT));
    }

    @Test
    void approvingAboveTheCeilingIsRefusedAndLeavesTheClaimSubmitted() {
        Claim claim = submit();

        assertThatThrownBy(() -> claim.approve(CEILING + 1, CEILING, "officer", DECIDED_AT))
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
        approved.approve(1_000L, CEILING, "officer", DECIDED_AT);
        Claim rejected = submit();
        rejected.reject("材料不全", "officer", DECIDED_AT);
        RegisteredEvents.of(approved);
        RegisteredEvents.of(rejected);

        assertThatThrownBy(() -> approved.reject("x", "officer", DECIDED_AT)).satisfies(e -> assertRule(e, "claim-status"));
        assertThatThrownBy(() -> approved.approve(1_000L, CEILING, "officer", DECIDED_AT))
                .satisfies(e -> assertRule(e, "claim-status"));
        assertThatThrownBy(() -> rejected.approve(1_000L, CEILING, "officer", DECIDED_AT))
                .satisfies(e -> assertRule(e, "claim-status"));
        assertThat(approved.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(approved.paidFen()).isEqualTo(1_000L);
        assertThat(rejected.status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(RegisteredEvents.of(approved)).isEmpty();
        assertThat(RegisteredEvents.of(rejected)).isEmpty();
    }

    private static Claim submit() {
        MemberEligibility member = new MemberEligibility("m-1", "ACTIVE", "DELIVERY_RIDER", "FEMALE",
                "beilin-delivery-joint", "/shaanxi/xian/xian-beilin/beilin-delivery-joint/", LocalDate.of(2025, 1, 1),
                false);
        return Claim.submitted("c-1", TestPrograms.insurance(ProgramStatus.OPEN), member, 60_000L, "住院",
                List.of("file:invoice-1"), "m-1", SUBMITTED_AT);
    }

    private static void assertRule(Throwable e, String rule) {
        assertThat(e).isInstanceOf(BusinessRuleViolationException.class);
        assertThat(((BusinessRuleViolationException) e).properties()).containsEntry("rule", rule);
    }
}
