package org.unionplatform.membership.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.membership.TestWorkers;
import org.unionplatform.membership.events.MembershipApplied;
import org.unionplatform.membership.events.MembershipRejected;
import org.unionplatform.membership.member.Union;

class ApplicationTest {

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final Union SHOUQI = new Union("shouqi-union", "首汽约车西安分公司工会",
            "/shaanxi/xian/xian-ride-hailing-federation/shouqi-union/");

    private static Application submitted() {
        return Application.submit("a-1", TestWorkers.worker("hash-1"), "self-service", NOW, NOW.plusSeconds(60));
    }

    private static Application pending() {
        Application application = submitted();
        application.dispatchedTo(SHOUQI, "PLATFORM", NOW);
        return application;
    }

    @Test
    void theParentOfAUnionIsTheNextPathUp() {
        assertThat(Application.parentPath("/shaanxi/xian/xian-ride-hailing-federation/shouqi-union/"))
                .isEqualTo("/shaanxi/xian/xian-ride-hailing-federation/");
        assertThat(Application.parentPath("/shaanxi/")).isEqualTo("/shaanxi/");
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
        assertThatThrownBy(() -> application.dispatchedTo(SHOUQI, "PLATFORM", NOW))
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
    void onlyAPendingApplicationIsEscalatedAndOnlyOnce() {
        assertThat(submitted().escalate(NOW)).isFalse();
        Application application = pending();

        assertThat(application.escalate(NOW)).isTrue();
        assertThat(application.escalatedToOrgPath()).isEqualTo("/shaanxi/xian/xian-ride-hailing-federation/");
        assertThat(application.escalate(NOW.plusSeconds(1))).isFalse();
    }
}
