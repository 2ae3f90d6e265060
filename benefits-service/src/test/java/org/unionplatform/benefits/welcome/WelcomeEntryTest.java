package org.unionplatform.benefits.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.unionplatform.benefits.events.MembershipApproved;
import org.unionplatform.common.web.ConflictException;

/**
 * A new member's place in the queue: WAITING with a pack id derived from the member, possibly moved to another
 * program keeping its place, then SERVED once.
 */
class WelcomeEntryTest {

    private static final Instant APPROVED_AT = Instant.parse("2026-07-01T02:00:00Z");
    private final MembershipApproved approved = new MembershipApproved("m-1", "beilin-delivery-joint",
            "/shaanxi/xian/xian-beilin/beilin-delivery-joint/", "DELIVERY_RIDER", "FEMALE", APPROVED_AT);

    @Test
    void aNewMemberWaitsUnderIdsDerivedFromTheMember() {
        WelcomeEntry entry = WelcomeEntry.waiting(approved, "p-welcome", APPROVED_AT);

        assertThat(entry.isWaiting()).isTrue();
        assertThat(entry.id()).isEqualTo(WelcomeEntry.idOf("m-1")).isEqualTo("welcome|m-1");
        assertThat(entry.grantId()).isEqualTo("welcome-m-1");
        assertThat(entry.orgPath()).isEqualTo(approved.orgPath());
        assertThat(entry.queuedAt()).isEqualTo(APPROVED_AT);
    }

    @Test
    void servingEndsTheWait() {
        Instant servedAt = APPROVED_AT.plusSeconds(5);

        WelcomeEntry served = WelcomeEntry.waiting(approved, "p-welcome", APPROVED_AT).served("p-welcome", servedAt);

        assertThat(served.isWaiting()).isFalse();
        assertThat(served.status()).isEqualTo(WelcomeEntry.Status.SERVED);
        assertThat(served.servedAt()).isEqualTo(servedAt);
        assertThat(served.grantId()).isEqualTo("welcome-m-1");
    }

    @Test
    void aMemberIsServedOnce() {
        WelcomeEntry served = WelcomeEntry.waiting(approved, "p-welcome", APPROVED_AT).served("p-welcome", APPROVED_AT);

        assertThatThrownBy(() -> served.served("p-welcome", APPROVED_AT.plusSeconds(1)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> served.movedTo("p-other")).isInstanceOf(ConflictException.class);
    }

    @Test
    void aWaitingMemberMovesToAnotherProgramKeepingTheirPlace() {
        WelcomeEntry moved = WelcomeEntry.waiting(approved, "p-closed", APPROVED_AT).movedTo("p-next");

        assertThat(moved.programId()).isEqualTo("p-next");
        assertThat(moved.isWaiting()).isTrue();
        assertThat(moved.queuedAt()).isEqualTo(APPROVED_AT);
        assertThat(moved.grantId()).isEqualTo("welcome-m-1");
        assertThatThrownBy(() -> moved.movedTo("p-next")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theProgramThatGaveThePackIsRecordedEvenIfTheMemberWaitedElsewhere() {
        WelcomeEntry served = WelcomeEntry.waiting(approved, "p-closed", APPROVED_AT).served("p-next", APPROVED_AT);

        assertThat(served.programId()).isEqualTo("p-next");
        assertThat(WelcomeEntry.idOfPack(served.grantId())).isEqualTo(served.id());
    }
}
