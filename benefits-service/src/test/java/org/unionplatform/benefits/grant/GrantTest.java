package org.unionplatform.benefits.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.unionplatform.benefits.client.MemberEligibility;
import org.unionplatform.benefits.events.BenefitGranted;
import org.unionplatform.benefits.events.BenefitRevoked;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.benefits.program.ProgramStatus;
import org.unionplatform.benefits.program.TestPrograms;
import org.unionplatform.common.events.RegisteredEvents;
import org.unionplatform.common.web.BusinessRuleViolationException;

/** A grant's life: GRANTED with benefit.granted, then at most one revocation within the window. */
class GrantTest {

    private static final Instant GRANTED_AT = Instant.parse("2026-07-01T02:00:00Z");
    private final Program program = TestPrograms.money(ProgramStatus.OPEN);
    private final MemberEligibility rider = new MemberEligibility("m-1", "ACTIVE", "DELIVERY_RIDER", "FEMALE",
            "beilin-delivery-joint", "/shaanxi/xian/xian-beilin/beilin-delivery-joint/", LocalDate.of(2025, 1, 1), false, null);

    @Test
    void anIssuedGrantRecordsWhoGaveWhatToWhomAndAnnouncesIt() {
        Grant grant = issue();

        assertThat(grant.status()).isEqualTo(GrantStatus.GRANTED);
        assertThat(grant.orgPath()).isEqualTo(rider.orgPath());
        assertThat(grant.programOrgPath()).isEqualTo(program.orgPath());
        assertThat(RegisteredEvents.of(grant)).containsExactly(new BenefitGranted("g-1", "p-1", "夏送清凉",
                "SOLACE_MONEY", "m-1", "beilin-delivery-joint", rider.orgPath(), 10_000L, 0L, GRANTED_AT));
    }

    @Test
    void revokingWithinTheWindowTakesTheGrantBackAndAnnouncesIt() {
        Grant grant = issue();
        RegisteredEvents.of(grant);
        Instant lastDay = GRANTED_AT.plus(Duration.ofDays(7));

        grant.revoke("officer-2", "发错人", lastDay, 7);

        assertThat(grant.status()).isEqualTo(GrantStatus.REVOKED);
        assertThat(grant.revokedBy()).isEqualTo("officer-2");
        assertThat(grant.revokeReason()).isEqualTo("发错人");
        assertThat(RegisteredEvents.of(grant))
                .containsExactly(new BenefitRevoked("g-1", "p-1", "m-1", 10_000L, 0L, lastDay));
    }

    @Test
    void aGrantIsRevokedOnceOnly() {
        Grant grant = issue();
        grant.revoke("officer", "发错人", GRANTED_AT.plusSeconds(60), 7);
        RegisteredEvents.of(grant);

        assertThatThrownBy(() -> grant.revoke("officer", "再撤一次", GRANTED_AT.plusSeconds(120), 7))
                .isInstanceOf(BusinessRuleViolationException.class)
                .satisfies(e -> assertThat(((BusinessRuleViolationException) e).properties())
                        .containsEntry("rule", "grant-status"));
        assertThat(RegisteredEvents.of(grant)).isEmpty();
    }

    @Test
    void afterTheWindowAGrantStays() {
        Grant grant = issue();
        RegisteredEvents.of(grant);

        assertThatThrownBy(() -> grant.revoke("officer", "太晚", GRANTED_AT.plus(Duration.ofDays(7)).plusMillis(1), 7))
                .isInstanceOf(BusinessRuleViolationException.class)
                .satisfies(e -> assertThat(((BusinessRuleViolationException) e).properties())
                        .containsEntry("rule", "revoke-window"));
        assertThat(grant.status()).isEqualTo(GrantStatus.GRANTED);
        assertThat(RegisteredEvents.of(grant)).isEmpty();
    }

    @Test
    void aTombstoneIsNeverAGrantAndCannotBeRevoked() {
        Grant tombstone = Grant.tombstone("g-2", "p-1", GRANTED_AT);

        assertThat(tombstone.status()).isEqualTo(GrantStatus.CANCELLED);
        assertThat(RegisteredEvents.of(tombstone)).isEmpty();
        assertThatThrownBy(() -> tombstone.revoke("officer", "x", GRANTED_AT, 7))
                .isInstanceOf(BusinessRuleViolationException.class);
    }

    private Grant issue() {
        return Grant.granted("g-1", program, rider, 10_000L, 0, "OFFICER", null, "officer", GRANTED_AT, "slot|1");
    }
}
