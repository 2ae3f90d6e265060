package org.unionplatform.membership.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.web.ConflictException;

class TransferTest {

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    private static Transfer requested() {
        return Transfer.request("t-1", "m-1", "shouqi-union", "/shaanxi/xian/f/shouqi-union/", "rongcheng-union",
                "荣橙出行工会", "/shaanxi/xian/f/rongcheng-union/", "换平台", "organizer", NOW);
    }

    @Test
    void aMemberIsNotTransferredToTheUnionTheyAreIn() {
        assertThatThrownBy(() -> Transfer.request("t-1", "m-1", "shouqi-union", "/a/", "shouqi-union", "首汽",
                "/a/", "换平台", "organizer", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aRequestedTransferIsAcceptedOnce() {
        Transfer transfer = requested();
        assertThat(transfer.status()).isEqualTo(Transfer.Status.REQUESTED);

        transfer.accept("receiver", NOW);

        assertThat(transfer.status()).isEqualTo(Transfer.Status.ACCEPTED);
        assertThat(transfer.decidedBy()).isEqualTo("receiver");
        assertThatThrownBy(() -> transfer.accept("receiver", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> transfer.decline("receiver", NOW, "late")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(transfer::requireRequested).isInstanceOf(ConflictException.class);
    }

    @Test
    void aDeclinedTransferKeepsItsReasonAndCannotBeAcceptedAfterwards() {
        Transfer transfer = requested();

        transfer.decline("receiver", NOW, "名额已满");

        assertThat(transfer.status()).isEqualTo(Transfer.Status.DECLINED);
        assertThat(transfer.declineReason()).isEqualTo("名额已满");
        assertThatThrownBy(() -> transfer.accept("receiver", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> transfer.decline("receiver", NOW, "again")).isInstanceOf(ConflictException.class);
    }
}
