package org.unionplatform.membership.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.events.OutboxAggregate;
import org.unionplatform.common.pii.ProtectedMobilePhone;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.membership.events.ActivityAttended;

// Over 200 lines: the stored fields, the sign-up list and its rules (places, waiting list, attendance) read together.
/**
 * An activity and its sign-ups, in one document: the places, the waiting list and the promotions change together
 * under the document's version (a concurrent change is retried by {@link Activities}), so a place is never given
 * twice and the waiting list keeps its order without a transaction. Sign-ups are few enough (capacity and waiting
 * list at most {@link #MAX_CAPACITY} each) to live in the document.
 */
@Document(Activity.COLLECTION)
@CompoundIndexes({
    // The phone's list of what is open: equality on status, sorted by start; the end is a range after the sort.
    @CompoundIndex(name = "open_by_start", def = "{'status': 1, 'startsAt': 1, '_id': 1, 'endsAt': 1}"),
    // Staff lists, newest first, a subtree or the attendant's stations.
    @CompoundIndex(name = "by_start_in_subtree", def = "{'startsAt': -1, '_id': -1, 'orgPath': 1}"),
    @CompoundIndex(name = "station_by_start", def = "{'venue.stationId': 1, 'startsAt': -1, '_id': -1}"),
    @CompoundIndex(name = "subtree", def = "{'orgPath': 1}"),
    @CompoundIndex(name = "member_sign_ups", def = "{'signUps.memberId': 1, 'startsAt': -1, '_id': -1}")
})
public class Activity extends OutboxAggregate {

    public static final String COLLECTION = "activities";
    static final int MAX_CAPACITY = 1000;
    /** The door opens this long before the start and attendance is taken until this long after the end. */
    static final Duration DOOR_OPEN = Duration.ofHours(2);
    static final Duration DOOR_CLOSES = Duration.ofHours(6);

    /** A station (id and its name and address as the organizer picked them) or an address alone. */
    public record Venue(String stationId, String name, String address) {
    }

    /** A job fair's post (春送岗位): employer, position, monthly pay range in yuan, how many people are wanted. */
    public record JobPost(String employer, String position, int payFromYuan, int payToYuan, int openings) {
    }

    /**
     * One person's sign-up. {@code code} is what they show at the door; a non-member's phone is kept encrypted with
     * its keyed hash ({@code phoneHash}), a member is named by {@code memberId}.
     */
    public record SignUp(String code, String memberId, String name, ProtectedMobilePhone phone, String phoneHash,
            String workerType, SignUpStatus status, Instant signedUpAt, Instant confirmedAt, Instant cancelledAt,
            Instant attendedAt, String attendedBy) {

        public boolean member() {
            return memberId != null;
        }

        boolean active() {
            return status != SignUpStatus.CANCELLED;
        }

        SignUp with(SignUpStatus newStatus, Instant confirmed, Instant cancelled) {
            return new SignUp(code, memberId, name, phone, phoneHash, workerType, newStatus, signedUpAt, confirmed,
                    cancelled, attendedAt, attendedBy);
        }

        SignUp attended(String by, Instant at) {
            return new SignUp(code, memberId, name, phone, phoneHash, workerType, status, signedUpAt, confirmedAt,
                    cancelledAt, at, by);
        }
    }

    /** The outcome at the door: the sign-up, and whether it had been taken before (nothing new counted). */
    public record Attendance(SignUp signUp, boolean already) {
    }

    @Id
    private final String id;
    private final String organizationId;
    private final String organizationName;
    private String orgPath;
    private final String title;
    private final ActivityKind kind;
    private final String description;
    private final Venue venue;
    private final Instant startsAt;
    private final Instant endsAt;
    private final int capacity;
    private final Audience audience;
    private final List<JobPost> jobPosts;
    private final String status;
    private final String createdBy;
    private final Instant createdAt;
    private final List<SignUp> signUps;
    @Version
    private Long version;

    @PersistenceCreator
    Activity(String id, String organizationId, String organizationName, String orgPath, String title,
            ActivityKind kind, String description, Venue venue, Instant startsAt, Instant endsAt, int capacity,
            Audience audience, List<JobPost> jobPosts, String status, String createdBy, Instant createdAt,
            List<SignUp> signUps, Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.organizationName = organizationName;
        this.orgPath = orgPath;
        this.title = title;
        this.kind = kind;
        this.description = description;
        this.venue = venue;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.capacity = capacity;
        this.audience = audience;
        this.jobPosts = jobPosts == null ? List.of() : List.copyOf(jobPosts);
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.signUps = signUps == null ? new ArrayList<>() : new ArrayList<>(signUps);
        this.version = version;
    }

    /** The organizer publishes an activity; it is open for sign-up at once. */
    static Activity publish(String id, String organizationId, String organizationName, String orgPath, String title,
            ActivityKind kind, String description, Venue venue, Instant startsAt, Instant endsAt, int capacity,
            Audience audience, List<JobPost> jobPosts, String by, Instant now) {
        if (!endsAt.isAfter(startsAt)) {
            throw new BusinessRuleViolationException("activity-times", "An activity ends after it starts.")
                    .with("field", "endsAt");
        }
        if (!endsAt.isAfter(now)) {
            throw new BusinessRuleViolationException("activity-times", "An activity is published before it ends.")
                    .with("field", "endsAt");
        }
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new BusinessRuleViolationException("activity-capacity",
                    "The capacity is between 1 and " + MAX_CAPACITY + ".").with("field", "capacity");
        }
        if (!jobPosts.isEmpty() && kind != ActivityKind.JOB_FAIR) {
            throw new BusinessRuleViolationException("job-posts-at-job-fairs",
                    "Only a job fair carries job posts.").with("field", "jobPosts");
        }
        for (JobPost post : jobPosts) {
            if (post.payToYuan() < post.payFromYuan()) {
                throw new BusinessRuleViolationException("pay-range", "A job post's pay range goes up, not down.")
                        .with("field", "jobPosts");
            }
        }
        return new Activity(id, organizationId, organizationName, orgPath, title, kind, description, venue, startsAt,
                endsAt, capacity, audience, jobPosts, "OPEN", by, now, List.of(), null);
    }

    /**
     * A place if one is free, else the waiting list. The same person signing up again (the member, or the
     * non-member's phone) gets their existing sign-up back, so a double tap or a retry never takes two places.
     */
    SignUp signUp(SignUp candidate, Instant now) {
        if (!endsAt.isAfter(now)) {
            throw new BusinessRuleViolationException("activity-over", "This activity is over.");
        }
        if (!candidate.member() && audience == Audience.MEMBERS) {
            throw new BusinessRuleViolationException("members-only", "This activity is for members only.");
        }
        Optional<SignUp> existing = signUps.stream().filter(SignUp::active).filter(samePerson(candidate)).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        long waiting = count(SignUpStatus.WAITING);
        boolean placeFree = count(SignUpStatus.CONFIRMED) < capacity;
        if (!placeFree && waiting >= MAX_CAPACITY) {
            throw new BusinessRuleViolationException("waiting-list-full", "The waiting list is full.");
        }
        SignUp added = placeFree ? candidate.with(SignUpStatus.CONFIRMED, now, null)
                : candidate.with(SignUpStatus.WAITING, null, null);
        signUps.add(added);
        return added;
    }

    /**
     * Gives the place up; the first on the waiting list (in sign-up order) takes a freed place. Cancelling again
     * changes nothing. Answers the sign-up promoted, if any.
     */
    Optional<SignUp> cancel(String code, Instant now) {
        int index = indexOf(code);
        SignUp signUp = signUps.get(index);
        if (!signUp.active()) {
            return Optional.empty();
        }
        if (signUp.attendedAt() != null) {
            throw new ConflictException("This sign-up was already used at the door.");
        }
        signUps.set(index, signUp.with(SignUpStatus.CANCELLED, signUp.confirmedAt(), now));
        if (signUp.status() != SignUpStatus.CONFIRMED) {
            return Optional.empty();
        }
        for (int i = 0; i < signUps.size(); i++) {
            if (signUps.get(i).status() == SignUpStatus.WAITING) {
                SignUp promoted = signUps.get(i).with(SignUpStatus.CONFIRMED, now, null);
                signUps.set(i, promoted);
                return Optional.of(promoted);
            }
        }
        return Optional.empty();
    }

    /**
     * Attendance at the door for a confirmed sign-up, once: a second scan answers {@code already} and announces
     * nothing. {@code activity.attended} tells the member's timeline and the figures.
     */
    Attendance attend(Predicate<SignUp> whose, String by, Instant now) {
        if (now.isBefore(startsAt.minus(DOOR_OPEN)) || now.isAfter(endsAt.plus(DOOR_CLOSES))) {
            throw new BusinessRuleViolationException("not-at-the-door",
                    "Attendance is taken from two hours before the start until six hours after the end.");
        }
        int index = -1;
        for (int i = 0; i < signUps.size(); i++) {
            if (signUps.get(i).active() && whose.test(signUps.get(i))) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            throw new BusinessRuleViolationException("not-signed-up", "This person has not signed up.");
        }
        SignUp signUp = signUps.get(index);
        if (signUp.attendedAt() != null) {
            return new Attendance(signUp, true);
        }
        if (signUp.status() == SignUpStatus.WAITING) {
            throw new BusinessRuleViolationException("on-waiting-list",
                    "This person is on the waiting list and has no place yet.");
        }
        SignUp attended = signUp.attended(by, now);
        signUps.set(index, attended);
        registerEvent(new ActivityAttended(id, title, kind.name(), organizationId, orgPath, venue.stationId(),
                venue.name(), attended.memberId(), attended.workerType(), now));
        return new Attendance(attended, false);
    }

    /** 1 for the first on the waiting list; 0 for a sign-up that is not waiting. */
    public int waitingPosition(String code) {
        int position = 0;
        for (SignUp signUp : signUps) {
            if (signUp.status() == SignUpStatus.WAITING) {
                position++;
                if (signUp.code().equals(code)) {
                    return position;
                }
            }
        }
        return 0;
    }

    public Optional<SignUp> signUpOf(String code) {
        return signUps.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public long count(SignUpStatus wanted) {
        return signUps.stream().filter(s -> s.status() == wanted).count();
    }

    public long attendedCount() {
        return signUps.stream().filter(s -> s.attendedAt() != null).count();
    }

    private int indexOf(String code) {
        for (int i = 0; i < signUps.size(); i++) {
            if (signUps.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new org.unionplatform.common.web.ResourceNotFoundException("Sign-up", code);
    }

    private static Predicate<SignUp> samePerson(SignUp candidate) {
        return existing -> candidate.member() ? candidate.memberId().equals(existing.memberId())
                : !existing.member() && candidate.phoneHash().equals(existing.phoneHash());
    }

    public String id() {
        return id;
    }

    public String organizationId() {
        return organizationId;
    }

    public String organizationName() {
        return organizationName;
    }

    public String orgPath() {
        return orgPath;
    }

    public String title() {
        return title;
    }

    public ActivityKind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public Venue venue() {
        return venue;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public int capacity() {
        return capacity;
    }

    public Audience audience() {
        return audience;
    }

    public List<JobPost> jobPosts() {
        return jobPosts;
    }

    public String status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<SignUp> signUps() {
        return List.copyOf(signUps);
    }
}
