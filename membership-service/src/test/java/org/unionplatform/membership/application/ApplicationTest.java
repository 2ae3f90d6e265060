package org.unionplatform.membership.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.membership.TestWorkers;
import org.unionplatform.membership.events.MembershipApplied;
import org.unionplatform.membership.events.MembershipRejected;
import org.unionplatform.membership.member.Union;

class ApplicationTest {

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final Union YANTA = new Union("xian-yanta", "雁塔区总工会", "/shaanxi/xian/xian-yanta/");
    private static final Union XIAOZHAI = new Union("yanta-xiaozhai", "小寨路街道联合工会",
            "/shaanxi/xian/xian-yanta/yanta-xiaozhai/");
    private static final Union SHOUQI = new Union("shouqi-union", "首汽约车西安分公司工会",
            "/shaanxi/xian/xian-ride-hailing-federation/shouqi-union/");

    private static Application submitted() {
        return Application.submit("a-1", TestWorkers.worker("hash-1"), null, "self-service", NOW,
                NOW.plusSeconds(60), null);
    }

    private static Application pending() {
        Application application = submitted();
        application.dispatchedTo(SHOUQI, "PLATFORM", "依托平台的工会", NOW);
        return application;
    }

    @Test
    void aSubmittedApplicationWaitsForDispatchAndAnnouncesItself() {
        Application application = submitted();

        assertThat(application.status()).isEqualTo(ApplicationStatus.AWAITING_DISPATCH);
        assertThat(application.registeredEvents()).containsExactly(
                new MembershipApplied("a-1", "RIDE_HAILING_DRIVER", "610100", NOW));
    }

    @Test
    void dispatchPutsItInTheUnionsQueue() {
        Application application = pending();

        assertThat(application.status()).isEqualTo(ApplicationStatus.PENDING_APPROVAL);
        assertThat(application.orgPath()).isEqualTo(SHOUQI.orgPath());
        assertThat(application.dispatchRule()).isEqualTo("PLATFORM");
        assertThat(application.dispatchReason()).isEqualTo("依托平台的工会");
        assertThatThrownBy(() -> application.dispatchedTo(SHOUQI, "PLATFORM", "again", NOW))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aFailedDispatchWaitsLongerEachTimeUpToTheLongestPause() {
        Application application = submitted();
        Duration first = Duration.ofSeconds(15);
        Duration max = Duration.ofSeconds(50);

        application.dispatchFailed("unavailable", NOW, first, max);
        assertThat(application.status()).isEqualTo(ApplicationStatus.AWAITING_DISPATCH);
        application.dispatchFailed("unavailable", NOW, first, max);
        application.dispatchFailed("unavailable", NOW, first, max);

        assertThat(application.dispatchAttempts()).isEqualTo(3);
        assertThat(application.dispatchProblem()).isEqualTo("unavailable");
        assertThatThrownBy(() -> pending().dispatchFailed("late", NOW, first, max))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyAPendingApplicationIsApprovedAndOnlyOnce() {
        assertThatThrownBy(() -> submitted().approve("m-1", "organizer", NOW)).isInstanceOf(ConflictException.class);
        Application application = pending();

        application.approve("m-1", "organizer", NOW);

        assertThat(application.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(application.memberId()).isEqualTo("m-1");
        assertThatThrownBy(() -> application.approve("m-2", "organizer", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> application.reject("late", "organizer", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aRejectionIsRecordedAndAnnouncedOnce() {
        Application application = pending();

        application.reject("资料不全", "organizer", NOW);

        assertThat(application.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(application.registeredEvents()).contains(
                new MembershipRejected("a-1", SHOUQI.organizationId(), SHOUQI.orgPath(), "资料不全", NOW));
        assertThatThrownBy(() -> application.reject("again", "organizer", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> submitted().reject("early", "organizer", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aWaitingApplicationOfSomeoneWhoBecameAMemberIsClosed() {
        Application application = submitted();

        application.closeAsAlreadyMember("m-9", NOW);

        assertThat(application.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(application.memberId()).isEqualTo("m-9");
        assertThatThrownBy(() -> pending().closeAsAlreadyMember("m-9", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anUnmatchedApplicationWaitsInTheFederationsQueueAndIsReassignedOnlyBelowIt() {
        Application application = submitted();
        application.awaitReassignment(YANTA, "转雁塔区总工会重新分派", NOW);

        assertThat(application.status()).isEqualTo(ApplicationStatus.AWAITING_REASSIGNMENT);
        assertThat(application.orgPath()).isEqualTo(YANTA.orgPath());
        assertThat(application.dispatchRule()).isEqualTo("REASSIGNMENT");
        assertThatThrownBy(() -> application.approve("m-1", "organizer", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> application.reassign(YANTA, "itself", "organizer", NOW))
                .isInstanceOf(BusinessRuleViolationException.class).hasMessageContaining("below");
        assertThatThrownBy(() -> application.reassign(SHOUQI, "elsewhere", "organizer", NOW))
                .isInstanceOf(BusinessRuleViolationException.class);

        application.reassign(XIAOZHAI, "骑手常驻小寨", "yanta-organizer", NOW.plusSeconds(5));

        assertThat(application.status()).isEqualTo(ApplicationStatus.PENDING_APPROVAL);
        assertThat(application.organizationId()).isEqualTo("yanta-xiaozhai");
        assertThat(application.dispatchRule()).isEqualTo("REASSIGNED");
        assertThat(application.dispatchReason()).isEqualTo("雁塔区总工会重新分派：骑手常驻小寨");
        assertThat(application.reassignedBy()).isEqualTo("yanta-organizer");
        assertThat(application.dispatchedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThatThrownBy(() -> application.reassign(XIAOZHAI, "again", "organizer", NOW))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void refusedDetailsCloseTheApplicationSoThePersonMayApplyAgain() {
        Application application = submitted();

        application.refuse("companyCreditCode: is not a unified social credit code", NOW);

        assertThat(application.status()).isEqualTo(ApplicationStatus.REFUSED);
        assertThat(application.dispatchProblem()).contains("companyCreditCode");
        assertThatThrownBy(() -> application.dispatchFailed("late", NOW, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> pending().refuse("late", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anOverdueApplicationEntersTheFederationsQueueOnceWhileItsUnionMayStillDecide() {
        assertThat(submitted().escalate(YANTA, NOW)).isFalse();
        Application application = submitted();
        application.dispatchedTo(XIAOZHAI, "STREET_UNION", "所在街道的联合工会", NOW);
        assertThat(application.reassignmentQueue()).isEmpty();

        assertThat(application.escalate(YANTA, NOW.plusSeconds(1))).isTrue();

        assertThat(application.status()).isEqualTo(ApplicationStatus.PENDING_APPROVAL);
        assertThat(application.orgPath()).isEqualTo(XIAOZHAI.orgPath());
        assertThat(application.reassignmentQueue()).contains(YANTA.orgPath());
        assertThat(application.escalate(YANTA, NOW.plusSeconds(2))).isFalse();
        assertThatThrownBy(() -> application.reassign(XIAOZHAI, "same union", "yanta-organizer", NOW))
                .isInstanceOf(BusinessRuleViolationException.class);

        application.reassign(new Union("yanta-dayanta", "大雁塔街道联合工会", "/shaanxi/xian/xian-yanta/yanta-dayanta/"),
                "小寨路街道工会人手不足", "yanta-organizer", NOW.plusSeconds(3));

        assertThat(application.organizationId()).isEqualTo("yanta-dayanta");
        assertThat(application.dispatchReason()).isEqualTo("逾期未处理，重新分派：小寨路街道工会人手不足");
        assertThat(application.escalatedAt()).as("the new union's wait is watched again").isNull();
        assertThat(application.reassignmentQueue()).isEmpty();
    }
}
