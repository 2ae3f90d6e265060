package org.unionplatform.membership.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.membership.events.MembershipTransferRequested;

class TransferTest {

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(14));
    private static final Transfer.Sides SIDES = new Transfer.Sides("m-1", "shouqi-union",
            "/shaanxi/xian/f/shouqi-union/", "rongcheng-union", "荣橙出行工会", "/shaanxi/xian/f/rongcheng-union/");

    private static Transfer requested(boolean byReceivingSide) {
        return Transfer.request("t-1", SIDES, "荣橙出行", "610113", "换平台", "organizer", byReceivingSide, NOW,
                EXPIRES);
    }

    @Test
    void aMemberIsNotTransferredToTheUnionTheyAreIn() {
        var sameUnion = new Transfer.Sides("m-1", "shouqi-union", "/a/", "shouqi-union", "首汽", "/a/");
        assertThatThrownBy(() -> Transfer.request("t-1", sameUnion, null, "610100", "换平台", "organizer", true, NOW,
                EXPIRES)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aRequestTellsTheSendingUnion() {
        assertThat(requested(false).registeredEvents()).containsExactly(new MembershipTransferRequested("t-1", "m-1",
                "shouqi-union", "/shaanxi/xian/f/shouqi-union/", "rongcheng-union", "/shaanxi/xian/f/rongcheng-union/",
                NOW, EXPIRES));
    }

    @Test
    void theReceivingUnionsRequestMovesTheMemberOnlyOnceTheyConsent() {
        Transfer transfer = requested(true);
        assertThat(transfer.acceptedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> transfer.accept("receiver", NOW)).isInstanceOf(ConflictException.class);

        assertThat(transfer.consent(NOW.plusSeconds(60))).isTrue();

        assertThat(transfer.status()).isEqualTo(Transfer.Status.COMPLETED);
        assertThatThrownBy(() -> transfer.consent(NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> transfer.decline("receiver", NOW, "late")).isInstanceOf(ConflictException.class);
    }

    @Test
    void theSendingUnionsRequestNeedsTheReceivingUnionAndTheMemberInEitherOrder() {
        Transfer consentFirst = requested(false);
        assertThat(consentFirst.consent(NOW)).isFalse();
        assertThat(consentFirst.status()).isEqualTo(Transfer.Status.REQUESTED);
        assertThat(consentFirst.accept("receiver", NOW)).isTrue();
        assertThat(consentFirst.status()).isEqualTo(Transfer.Status.COMPLETED);

        Transfer acceptFirst = requested(false);
        assertThat(acceptFirst.accept("receiver", NOW)).isFalse();
        assertThat(acceptFirst.consent(NOW)).isTrue();
        assertThat(acceptFirst.acceptedBy()).isEqualTo("receiver");
    }

    @Test
    void theMemberMayRefuseAndNothingChangesAfterwards() {
        Transfer transfer = requested(true);

        transfer.refuse(NOW, "不想换");

        assertThat(transfer.status()).isEqualTo(Transfer.Status.REFUSED);
        assertThat(transfer.declineReason()).isEqualTo("不想换");
        assertThatThrownBy(() -> transfer.consent(NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aDeclinedTransferKeepsItsReasonAndCannotBeConsentedToAfterwards() {
        Transfer transfer = requested(false);

        transfer.decline("receiver", NOW, "名额已满");

        assertThat(transfer.status()).isEqualTo(Transfer.Status.DECLINED);
        assertThat(transfer.declineReason()).isEqualTo("名额已满");
        assertThatThrownBy(() -> transfer.consent(NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> transfer.decline("receiver", NOW, "again")).isInstanceOf(ConflictException.class);
    }

    @Test
    void aRequestNobodyFinishedInTimeExpires() {
        Transfer transfer = requested(true);
        assertThat(transfer.statusAt(EXPIRES.minusSeconds(1))).isEqualTo(Transfer.Status.REQUESTED);
        assertThat(transfer.statusAt(EXPIRES)).isEqualTo(Transfer.Status.EXPIRED);
        assertThatThrownBy(() -> transfer.consent(EXPIRES)).isInstanceOf(ConflictException.class);
        assertThat(transfer.status()).isEqualTo(Transfer.Status.REQUESTED);

        assertThat(transfer.expireIfDue(EXPIRES.minusSeconds(1))).isFalse();
        assertThat(transfer.expireIfDue(EXPIRES)).isTrue();

        assertThat(transfer.status()).isEqualTo(Transfer.Status.EXPIRED);
        assertThat(transfer.expireIfDue(EXPIRES)).isFalse();
    }
}
