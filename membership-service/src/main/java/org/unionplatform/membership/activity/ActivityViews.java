package org.unionplatform.membership.activity;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.unionplatform.membership.activity.Activity.JobPost;
import org.unionplatform.membership.activity.Activity.SignUp;
import org.unionplatform.membership.activity.Activity.Venue;

/** Response records of the activity endpoints; personal data only masked. */
final class ActivityViews {

    private ActivityViews() {
    }

    /** What anyone sees: no one's sign-up, only the counts. */
    record ActivityView(String id, String title, ActivityKind kind, String description, String organizationId,
            String organizationName, Venue venue, Instant startsAt, Instant endsAt, int capacity, Audience audience,
            long confirmed, long waiting, long spacesLeft, long attended, List<JobPost> jobPosts) {

        static ActivityView of(Activity a) {
            long confirmed = a.count(SignUpStatus.CONFIRMED);
            return new ActivityView(a.id(), a.title(), a.kind(), a.description(), a.organizationId(),
                    a.organizationName(), a.venue(), a.startsAt(), a.endsAt(), a.capacity(), a.audience(), confirmed,
                    a.count(SignUpStatus.WAITING), Math.max(0, a.capacity() - confirmed), a.attendedCount(),
                    a.jobPosts());
        }
    }

    /** Staff's view of one activity: every sign-up with a masked name and phone. */
    record ActivityDetail(ActivityView activity, List<SignUpView> signUps) {

        static ActivityDetail of(Activity a) {
            return new ActivityDetail(ActivityView.of(a), a.signUps().stream()
                    .map(s -> SignUpView.of(a, s)).toList());
        }
    }

    record SignUpView(String name, String phone, boolean member, String workerType, SignUpStatus status,
            int waitingPosition, Instant signedUpAt, Instant attendedAt) {

        static SignUpView of(Activity a, SignUp s) {
            return new SignUpView(maskName(s.name()), s.phone() == null ? null : s.phone().masked(), s.member(),
                    s.workerType(), s.status(), a.waitingPosition(s.code()), s.signedUpAt(), s.attendedAt());
        }
    }

    /** The person's own sign-up: the code to show at the door, the place or the waiting position. */
    record MySignUp(ActivityView activity, String code, SignUpStatus status, int waitingPosition,
            Instant attendedAt) {

        static MySignUp of(Activity a, SignUp s) {
            return new MySignUp(ActivityView.of(a), s.code(), s.status(), a.waitingPosition(s.code()),
                    s.attendedAt());
        }
    }

    /** What the door shows: who (name masked), whether it was already taken, the counts after it. */
    record AttendanceView(String activityId, String name, boolean member, String workerType, boolean already,
            Instant attendedAt, long attended, long confirmed) {

        static AttendanceView of(Activities.Attended done) {
            SignUp s = done.attendance().signUp();
            return new AttendanceView(done.activity().id(), maskName(s.name()), s.member(), s.workerType(),
                    done.attendance().already(), s.attendedAt(), done.activity().attendedCount(),
                    done.activity().count(SignUpStatus.CONFIRMED));
        }
    }

    /** An organisation's activity figures (its subtree): totals and one row per kind. */
    record ActivityFigures(String organizationId, long activities, long confirmed, long waiting, long attended,
            long attendedMembers, long attendedNonMembers, List<KindFigures> byKind) {

        static ActivityFigures of(String organizationId, List<Activity> all) {
            Map<ActivityKind, long[]> kinds = new EnumMap<>(ActivityKind.class);
            long confirmed = 0;
            long waiting = 0;
            long members = 0;
            long others = 0;
            for (Activity a : all) {
                confirmed += a.count(SignUpStatus.CONFIRMED);
                waiting += a.count(SignUpStatus.WAITING);
                long[] row = kinds.computeIfAbsent(a.kind(), k -> new long[2]);
                row[0]++;
                for (SignUp s : a.signUps()) {
                    if (s.attendedAt() != null) {
                        row[1]++;
                        if (s.member()) {
                            members++;
                        } else {
                            others++;
                        }
                    }
                }
            }
            List<KindFigures> byKind = kinds.entrySet().stream()
                    .map(e -> new KindFigures(e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .sorted(Comparator.comparing(KindFigures::kind)).toList();
            return new ActivityFigures(organizationId, all.size(), confirmed, waiting, members + others, members,
                    others, byKind);
        }
    }

    record KindFigures(ActivityKind kind, long activities, long attended) {
    }

    /** 王小明 -> 王**: enough for the person at the door, nothing for a copy of the list. */
    static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
