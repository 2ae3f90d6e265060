package org.unionplatform.membership.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.membership.TestWorkers;
import org.unionplatform.membership.events.MembershipApproved;
import org.unionplatform.membership.events.MembershipReinstated;
import org.unionplatform.membership.events.MembershipSuspended;
import org.unionplatform.membership.events.MembershipTransferred;
import org.unionplatform.membership.events.MembershipWithdrawn;

class MemberTest {

    private static final Instant NOW = Instant.parse("2026-03-01T17:00:00Z");
    private static final Union SHOUQI = new Union("shouqi-union", "首汽约车西安分公司工会",
            "/shaanxi/xian/xian-ride-hailing-federation/shouqi-union/");
    private static final Union RONGCHENG = new Union("rongcheng-union", "荣橙出行工会",
            "/shaanxi/xian/xian-ride-hailing-federation/rongcheng-union/");

    private static Member admitted() {
        return Member.admit("m-1", TestWorkers.worker("hash-1"), SHOUQI, "6101002600000013", "qr-hash",
                Channel.APPLICATION, "a-1", "organizer", NOW);
    }

    @Test
    void anAdmittedMemberIsActiveJoinedOnTheChinaDayAndAnnounced() {
        Member member = admitted();

        assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(member.joinedOn()).hasToString("2026-03-02"); // 01:00 the next day in Asia/Shanghai
        assertThat(member.registeredEvents()).containsExactly(new MembershipApproved("m-1", "6101002600000013",
                "shouqi-union", SHOUQI.orgPath(), "RIDE_HAILING_DRIVER", "MALE", "首汽约车", null, "610100", NOW,
                "APPLICATION"));
    }

    @Test
    void aMemberAdmittedInBulkLeavesItsEventToTheBatch() {
        Member member = Member.admitInBulk("m-2", TestWorkers.worker("hash-2"), SHOUQI, "6101002600000021",
                null, Channel.BULK, "bulk-1", "organizer", NOW);

        assertThat(member.registeredEvents()).isEmpty();
        assertThat(member.approvedEvent().channel()).isEqualTo("BULK");
    }

    @Test
    void onlyAnActiveMemberIsSuspendedAndOnlyASuspendedOneReinstated() {
        Member member = admitted();
        assertThatThrownBy(() -> member.reinstate("not suspended", "organizer", NOW))
                .isInstanceOf(ConflictException.class);

        member.suspend("欠缴会费", "organizer", NOW);
        assertThat(member.status()).isEqualTo(MemberStatus.SUSPENDED);
        assertThatThrownBy(() -> member.suspend("again", "organizer", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> member.replaceQrToken("new")).isInstanceOf(ConflictException.class);

        member.reinstate("已补缴", "organizer", NOW);
        assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(member.statusHistory()).extracting(Member.StatusChange::status)
                .containsExactly(MemberStatus.ACTIVE, MemberStatus.SUSPENDED, MemberStatus.ACTIVE);
        assertThat(member.registeredEvents()).contains(
                new MembershipSuspended("m-1", "shouqi-union", SHOUQI.orgPath(), "欠缴会费", NOW),
                new MembershipReinstated("m-1", "shouqi-union", SHOUQI.orgPath(), "已补缴", NOW));
    }

    @Test
    void aWithdrawnMemberCannotWithdrawAgainNorBeChanged() {
        Member member = admitted();

        member.withdraw("转行", "m-1", NOW);

        assertThat(member.status()).isEqualTo(MemberStatus.WITHDRAWN);
        assertThat(member.registeredEvents()).contains(new MembershipWithdrawn("m-1", "RIDE_HAILING_DRIVER",
                "shouqi-union", SHOUQI.orgPath(), "转行", NOW));
        assertThatThrownBy(() -> member.withdraw("again", "m-1", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> member.suspend("late", "organizer", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> member.transferTo("t-1", RONGCHENG, NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aTransferMovesTheMemberOnceHoweverOftenItIsApplied() {
        Member member = admitted();

        assertThat(member.transferTo("t-1", RONGCHENG, NOW)).isTrue();
        assertThat(member.transferTo("t-1", RONGCHENG, NOW)).isFalse();

        assertThat(member.orgPath()).isEqualTo(RONGCHENG.orgPath());
        assertThat(member.transfers()).hasSize(1);
        assertThat(member.registeredEvents()).filteredOn(MembershipTransferred.class::isInstance).containsExactly(
                new MembershipTransferred("m-1", "RIDE_HAILING_DRIVER", "shouqi-union", SHOUQI.orgPath(),
                        "rongcheng-union", RONGCHENG.orgPath(), NOW));
    }

    @Test
    void anActiveMemberGetsANewQrToken() {
        Member member = admitted();

        member.replaceQrToken("new-hash");

        assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
    }
}
