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
        assertThatThrownBy(() -> member.transferTo("t-1", RONGCHENG, "荣橙出行", "610100", NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(member::requireTransferable).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> member.changePhone(withPhone(member.worker(), "new-hash", "139****0000"),
                "MEMBER", null, "m-1", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aTransferMovesTheMemberOnceHoweverOftenItIsAppliedAndSetsTheNewPlatformAndDivision() {
        Member member = admitted();

        assertThat(member.transferTo("t-1", RONGCHENG, "荣橙出行", "610113", NOW)).isTrue();
        assertThat(member.transferTo("t-1", RONGCHENG, "荣橙出行", "610113", NOW)).isFalse();

        assertThat(member.orgPath()).isEqualTo(RONGCHENG.orgPath());
        assertThat(member.worker().platform()).isEqualTo("荣橙出行");
        assertThat(member.worker().divisionCode()).isEqualTo("610113");
        assertThat(member.transfers()).singleElement().satisfies(record -> {
            assertThat(record.fromOrganizationId()).isEqualTo("shouqi-union");
            assertThat(record.platform()).isEqualTo("荣橙出行");
        });
        assertThat(member.registeredEvents()).filteredOn(MembershipTransferred.class::isInstance).containsExactly(
                new MembershipTransferred("m-1", "RIDE_HAILING_DRIVER", "shouqi-union", SHOUQI.orgPath(),
                        "rongcheng-union", RONGCHENG.orgPath(), NOW, "荣橙出行", "610113"));
    }

    @Test
    void aWithdrawnMemberRejoinsWithTheSameIdAndCardAndIsAnnouncedAgain() {
        Member member = admitted();
        member.withdraw("转行", "m-1", NOW);
        var details = withPhone(member.worker(), "phone-hash-2", "139****2222");
        java.time.Instant later = NOW.plusSeconds(86_400);

        member.rejoin(details, RONGCHENG, "qr-2", "rejoined (APPLICATION a-2)", "organizer", later);

        assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(member.id()).isEqualTo("m-1");
        assertThat(member.cardNumber()).isEqualTo("6101002600000013");
        assertThat(member.orgPath()).isEqualTo(RONGCHENG.orgPath());
        assertThat(member.joinedAt()).isEqualTo(NOW);
        assertThat(member.worker().phone().masked()).isEqualTo("139****2222");
        assertThat(member.statusHistory()).extracting(Member.StatusChange::status)
                .containsExactly(MemberStatus.ACTIVE, MemberStatus.WITHDRAWN, MemberStatus.ACTIVE);
        assertThat(member.registeredEvents()).last().isEqualTo(new MembershipApproved("m-1", "6101002600000013",
                "rongcheng-union", RONGCHENG.orgPath(), "RIDE_HAILING_DRIVER", "MALE", "首汽约车", null, "610100",
                later, "REJOIN"));
    }

    @Test
    void onlyAWithdrawnMemberRejoinsAndOnlyAsThemselves() {
        Member member = admitted();
        assertThatThrownBy(() -> member.rejoin(member.worker(), SHOUQI, "qr", "again", "organizer", NOW))
                .isInstanceOf(ConflictException.class);

        member.withdraw("转行", "m-1", NOW);
        assertThatThrownBy(() -> member.rejoin(TestWorkers.worker("someone-else"), SHOUQI, "qr", "again",
                "organizer", NOW)).isInstanceOf(ConflictException.class);
        assertThat(member.status()).isEqualTo(MemberStatus.WITHDRAWN);
    }

    @Test
    void aNewPhoneIsKeptInTheContactHistoryMaskedWithWhoChangedIt() {
        Member member = admitted();

        member.changePhone(withPhone(member.worker(), "phone-hash-2", "139****2222"), "MEMBER", null, "m-1", NOW);
        member.changePhone(withPhone(member.worker(), "phone-hash-3", "137****3333"), "ORGANIZER", "会员到站更换",
                "organizer", NOW.plusSeconds(60));

        assertThat(member.worker().phone().lookupHash()).isEqualTo("phone-hash-3");
        assertThat(member.contactChanges()).containsExactly(
                new Member.ContactChange("phone", "138****1234", "139****2222", "MEMBER", "m-1", null, NOW),
                new Member.ContactChange("phone", "139****2222", "137****3333", "ORGANIZER", "organizer", "会员到站更换",
                        NOW.plusSeconds(60)));
    }

    @Test
    void theSamePhoneOrAnotherPersonsDetailsAreNotAChange() {
        Member member = admitted();

        assertThatThrownBy(() -> member.changePhone(member.worker(), "MEMBER", null, "m-1", NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> member.changePhone(TestWorkers.worker("someone-else"), "MEMBER", null, "m-1", NOW))
                .isInstanceOf(ConflictException.class);
        assertThat(member.contactChanges()).isEmpty();
    }

    @Test
    void aDemoMemberIsAnnouncedAtTheInstantTheyJoined() {
        java.time.Instant joined = NOW.minusSeconds(86_400L * 400);
        Member member = Member.demo("d-1", TestWorkers.worker("hash-d"), SHOUQI, "6101002600000039", joined);

        assertThat(member.registeredEvents()).singleElement().isInstanceOfSatisfying(MembershipApproved.class,
                approved -> assertThat(approved.approvedAt()).isEqualTo(joined));
    }

    private static Worker withPhone(Worker worker, String phoneHash, String masked) {
        return new Worker(worker.name(), worker.residentId(),
                new org.unionplatform.common.pii.ProtectedMobilePhone("cipher-2", phoneHash, masked),
                worker.phonePrefixKey(), worker.gender(), worker.birthDate(), worker.workerType(), worker.platform(),
                worker.companyCreditCode(), worker.divisionCode());
    }

    @Test
    void anActiveMemberGetsANewQrToken() {
        Member member = admitted();

        member.replaceQrToken("new-hash");

        assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
    }
}
