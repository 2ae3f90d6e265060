package org.unionplatform.membership.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.membership.activity.Activity.SignUp;
import org.unionplatform.membership.events.ActivityAttended;

class ActivityTest {

    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    @Test
    void placesGoInSignUpOrderAndACancelledPlaceGoesToTheFirstWaiting() {
        Activity activity = activity(Audience.ALL_WORKERS, 1);
        SignUp a = activity.signUp(member("A", "m-a"), NOW);
        SignUp b = activity.signUp(guest("B", "hash-b"), NOW);
        SignUp c = activity.signUp(guest("C", "hash-c"), NOW);
        assertThat(a.status()).isEqualTo(SignUpStatus.CONFIRMED);
        assertThat(b.status()).isEqualTo(SignUpStatus.WAITING);
        assertThat(activity.waitingPosition("C")).isEqualTo(2);
        assertThat(activity.signUp(guest("B2", "hash-b"), NOW).code()).as("the same phone again").isEqualTo("B");

        assertThat(activity.cancel("A", NOW)).map(SignUp::code).contains("B");
        assertThat(activity.waitingPosition("C")).isEqualTo(1);
        assertThat(activity.cancel("A", NOW)).as("cancelling again changes nothing").isEmpty();
        assertThat(activity.count(SignUpStatus.CONFIRMED)).isEqualTo(1);
        assertThat(c.status()).isEqualTo(SignUpStatus.WAITING);
    }

    @Test
    void attendanceIsTakenOnceForAConfirmedSignUpAndAnnounced() {
        Activity activity = activity(Audience.ALL_WORKERS, 1);
        activity.signUp(member("A", "m-a"), NOW);
        activity.signUp(guest("B", "hash-b"), NOW);
        assertThatThrownBy(() -> activity.attend(s -> s.code().equals("B"), "door", NOW))
                .isInstanceOf(BusinessRuleViolationException.class).hasMessageContaining("waiting list");
        assertThat(activity.attend(s -> "m-a".equals(s.memberId()), "door", NOW).already()).isFalse();
        assertThat(activity.attend(s -> "m-a".equals(s.memberId()), "door", NOW).already()).isTrue();
        assertThat(activity.registeredEvents()).singleElement().isInstanceOfSatisfying(ActivityAttended.class,
                event -> assertThat(event.memberId()).isEqualTo("m-a"));
        assertThatThrownBy(() -> activity.attend(s -> true, "door", NOW.plus(2, ChronoUnit.DAYS)))
                .hasMessageContaining("two hours before");
    }

    @Test
    void aMembersOnlyActivityRefusesANonMember() {
        Activity activity = activity(Audience.MEMBERS, 5);
        assertThatThrownBy(() -> activity.signUp(guest("B", "hash-b"), NOW)).hasMessageContaining("members only");
        assertThat(activity.signUp(member("A", "m-a"), NOW).status()).isEqualTo(SignUpStatus.CONFIRMED);
    }

    @Test
    void jobPostsBelongToJobFairsAndTimesRunForwards() {
        var post = List.of(new Activity.JobPost("顺丰", "快递员", 5000, 8000, 3));
        assertThatThrownBy(() -> publish(ActivityKind.HEALTH_CHECK, post, NOW.plusSeconds(3600)))
                .hasMessageContaining("job fair");
        assertThatThrownBy(() -> publish(ActivityKind.JOB_FAIR, post, NOW.minusSeconds(3600)))
                .hasMessageContaining("ends after it starts");
        assertThat(publish(ActivityKind.JOB_FAIR, post, NOW.plusSeconds(3600)).jobPosts()).hasSize(1);
    }

    private static Activity publish(ActivityKind kind, List<Activity.JobPost> posts, Instant ends) {
        return Activity.publish("a-1", "org", "工会", "/sx/org/", "招聘会", kind, null,
                new Activity.Venue(null, "广场", "西安"), NOW, ends, 10, Audience.ALL_WORKERS, posts, "organizer", NOW);
    }

    private static Activity activity(Audience audience, int capacity) {
        return Activity.publish("a-1", "org", "工会", "/sx/org/", "反诈讲座", ActivityKind.ANTI_FRAUD_TALK, null,
                new Activity.Venue("st-1", "驿站", null), NOW, NOW.plusSeconds(7200), capacity, audience, List.of(),
                "organizer", NOW);
    }

    private static SignUp member(String code, String memberId) {
        return new SignUp(code, memberId, "会员" + code, null, null, "COURIER", null, NOW, null, null, null, null);
    }

    private static SignUp guest(String code, String phoneHash) {
        return new SignUp(code, null, "访客" + code, null, phoneHash, "DELIVERY_RIDER", null, NOW, null, null, null,
                null);
    }
}
