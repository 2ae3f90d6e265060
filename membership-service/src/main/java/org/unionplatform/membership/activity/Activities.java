package org.unionplatform.membership.activity;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.pii.MobilePhoneNumber;
import org.unionplatform.common.pii.PersonalDataProtector;
import org.unionplatform.common.pii.QrTokenHash;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.common.workers.WorkerTypes;
import org.unionplatform.membership.activity.Activity.Attendance;
import org.unionplatform.membership.activity.Activity.SignUp;
import org.unionplatform.membership.activity.ActivityRequests.GuestSignUpRequest;
import org.unionplatform.membership.activity.ActivityRequests.PublishRequest;
import org.unionplatform.membership.member.CardNumbers;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.MemberRepository;
import org.unionplatform.membership.member.MemberStatus;
import org.unionplatform.membership.organization.KnownOrganization;
import org.unionplatform.membership.organization.KnownOrganizations;
import org.unionplatform.membership.signin.OneTimeCodes;
import org.unionplatform.membership.signin.OneTimeCodes.Asker;
import org.unionplatform.membership.signin.OneTimeCodes.Purpose;
import org.unionplatform.membership.signin.OneTimeCodes.Recipient;

/**
 * The activities' use cases: publishing, the phone's sign-ups (a member by their token; a non-member by name and a
 * phone proven with a one-time code, like an applicant), cancellation with promotion from the waiting list, and
 * attendance at the door. Every change of an activity's sign-ups is one versioned write of its document.
 */
@Service
public class Activities {

    static final Purpose GUEST_PHONE = new Purpose("ACTIVITY_GUEST", "ACTIVITY_GUEST_PHONE_CONFIRMED", "phone",
            "phone", GuestCodeRefusedException::new);
    private static final int ATTEMPTS = 8;

    private final ActivityRepository activities;
    private final MongoOperations mongo;
    private final KnownOrganizations organizations;
    private final MemberRepository members;
    private final OneTimeCodes codes;
    private final PersonalDataProtector protector;
    private final WorkerTypes workerTypes;
    private final AuditTrail audit;
    private final Clock clock;

    Activities(ActivityRepository activities, MongoOperations mongo, KnownOrganizations organizations,
            MemberRepository members, OneTimeCodes codes, PersonalDataProtector protector, WorkerTypes workerTypes,
            AuditTrail audit, Clock clock) {
        this.activities = activities;
        this.mongo = mongo;
        this.organizations = organizations;
        this.members = members;
        this.codes = codes;
        this.protector = protector;
        this.workerTypes = workerTypes;
        this.audit = audit;
        this.clock = clock;
    }

    Activity publish(Caller caller, PublishRequest request) {
        KnownOrganization organization = organizations.requireInScope(caller, request.organizationId().strip());
        var venue = request.venue();
        var activity = Activity.publish(UUID.randomUUID().toString(), organization.id(), organization.name(),
                organization.orgPath(), request.title().strip(), request.kind(), blankToNull(request.description()),
                new Activity.Venue(blankToNull(venue.stationId()), venue.name().strip(), blankToNull(venue.address())),
                request.startsAt(), request.endsAt(), request.capacity(), request.audience(),
                request.jobPosts() == null ? List.of() : request.jobPosts().stream()
                        .map(post -> new Activity.JobPost(post.employer().strip(), post.position().strip(),
                                post.payFromYuan(), post.payToYuan(), post.openings())).toList(),
                caller.subject(), clock.instant());
        return activities.save(activity);
    }

    /** Staff lists: an organizer's subtree, an attendant's stations; {@code current}: not yet past the door. */
    Page<Activity> list(Caller caller, boolean current, Pageable pageable) {
        Criteria reach = reach(caller);
        Query query = Query.query(current ? new Criteria().andOperator(reach,
                where("endsAt").gt(clock.instant().minus(Activity.DOOR_CLOSES))) : reach);
        long total = mongo.count(query, Activity.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), Activity.class), pageable, total);
    }

    /** An activity the caller reaches as staff; 404 otherwise (existence does not leak). */
    Activity staffView(Caller caller, String activityId) {
        return activities.findById(activityId).filter(activity -> reaches(caller, activity))
                .orElseThrow(() -> new ResourceNotFoundException("Activity", activityId));
    }

    /** What the phone lists: open activities not yet over, soonest first. */
    Page<Activity> open(Pageable pageable) {
        Query query = Query.query(where("status").is("OPEN").and("endsAt").gt(clock.instant()));
        long total = mongo.count(query, Activity.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), Activity.class), pageable, total);
    }

    Activity openOne(String activityId) {
        return activities.findById(activityId).filter(activity -> "OPEN".equals(activity.status()))
                .orElseThrow(() -> new ResourceNotFoundException("Activity", activityId));
    }

    /** The signed-in member signs up (an active member only). */
    Signed signUpMember(Caller caller, String activityId) {
        Member member = members.findById(caller.memberId())
                .orElseThrow(() -> new ResourceNotFoundException("Member", caller.memberId()));
        if (member.status() != MemberStatus.ACTIVE) {
            throw new BusinessRuleViolationException("member-not-active",
                    "Only an active member signs up as a member; this membership is " + member.status() + ".");
        }
        SignUp candidate = new SignUp(SignUpCodes.next(), member.id(), member.worker().name(), null, null,
                member.worker().workerType(), null, clock.instant(), null, null, null, null);
        return signUp(activityId, candidate);
    }

    /** A code to the non-member's phone; the same limits as every one-time code (one a minute, five an hour). */
    void requestGuestCode(String activityId, String phone) {
        openOne(activityId);
        MobilePhoneNumber number = MobilePhoneNumber.parse(phone);
        String hash = protector.lookupHash(number);
        codes.request(GUEST_PHONE, asker(hash), Optional.of(new Recipient(hash, number.value(), null)));
    }

    /** A non-member signs up once the code sent to their phone is confirmed. */
    Signed signUpGuest(String activityId, GuestSignUpRequest request) {
        openOne(activityId);
        MobilePhoneNumber number = MobilePhoneNumber.parse(request.phone());
        String hash = protector.lookupHash(number);
        String workerType = workerTypes.resolve(request.workerType()).orElseThrow();
        return codes.verify(GUEST_PHONE, asker(hash), request.code().strip(), proven -> Optional.of(
                signUp(activityId, new SignUp(SignUpCodes.next(), null, request.name().strip(),
                        protector.protect(number), hash, workerType, null, clock.instant(), null, null, null,
                        null))));
    }

    /** The member's own sign-ups, newest activity first. */
    List<Activity> mine(Caller caller) {
        return mongo.find(Query.query(where("signUps.memberId").is(caller.memberId()))
                .with(Sort.by(Sort.Direction.DESC, "startsAt", "_id")).limit(100), Activity.class);
    }

    /** Whoever holds the sign-up code gives the place up; the first waiting takes it. */
    Activity cancel(String activityId, String code) {
        String normalised = SignUpCodes.normalise(code)
                .orElseThrow(() -> new ResourceNotFoundException("Sign-up", "presented"));
        return change(activityId, activity -> {
            activity.signUpOf(normalised).orElseThrow(() -> new ResourceNotFoundException("Sign-up", "presented"));
            activity.cancel(normalised, clock.instant());
            return activity;
        });
    }

    /** The door: a sign-up code, or a member's card number or QR token (a member's confirmed sign-up). */
    Attended attend(Caller caller, String activityId, String presented) {
        staffView(caller, activityId);
        String text = presented.strip();
        Predicate<SignUp> whose;
        Optional<String> signUpCode = SignUpCodes.normalise(text);
        if (signUpCode.isPresent()) {
            whose = signUp -> signUp.code().equals(signUpCode.get());
        } else {
            Optional<Member> member = CardNumbers.isWellFormed(text) ? members.findByCardNumber(text)
                    : members.findByQrTokenHash(QrTokenHash.of(text));
            String memberId = member.map(Member::id).orElseThrow(() -> new BusinessRuleViolationException(
                    "not-signed-up", "No sign-up or member has this code."));
            whose = signUp -> memberId.equals(signUp.memberId());
        }
        Attendance attendance = change(activityId, activity -> activity.attend(whose, caller.subject(),
                clock.instant()));
        Activity activity = activities.findById(activityId).orElseThrow();
        if (!attendance.already()) {
            audit.record(caller.subject(), "ACTIVITY_ATTENDED", "activity:" + activityId, AuditOutcome.SUCCESS,
                    Map.of("member", String.valueOf(attendance.signUp().member())));
        }
        return new Attended(activity, attendance);
    }

    /** {@code created}: this call signed up; false when the person had signed up before. */
    record Signed(Activity activity, SignUp signUp, boolean created) {
    }

    record Attended(Activity activity, Attendance attendance) {
    }

    /** Activity figures of an organisation's subtree (organizer in scope). */
    List<Activity> inSubtree(Caller caller, String organizationId) {
        KnownOrganization organization = organizations.requireInScope(caller, organizationId);
        return mongo.find(Query.query(where("orgPath").regex("^" + Pattern.quote(organization.orgPath()))),
                Activity.class);
    }

    private Signed signUp(String activityId, SignUp candidate) {
        return change(activityId, activity -> {
            SignUp signUp = activity.signUp(candidate, clock.instant());
            return new Signed(activity, signUp, signUp.code().equals(candidate.code()));
        });
    }

    /** Loads, changes and saves under the document's version; a concurrent change is read again and retried. */
    private <T> T change(String activityId, Function<Activity, T> change) {
        for (int attempt = 1; ; attempt++) {
            Activity activity = openOne(activityId);
            T result = change.apply(activity);
            try {
                activities.save(activity);
                return result;
            } catch (OptimisticLockingFailureException raced) {
                if (attempt >= ATTEMPTS) {
                    throw new ConflictException("Too many sign-ups at the same moment; try again.");
                }
            }
        }
    }

    private Criteria reach(Caller caller) {
        AccessScope scope = AccessScope.of(caller);
        return caller.has(Role.STATION_ATTENDANT) && !caller.isAdmin() && !caller.has(Role.ORGANIZER)
                ? scope.stations("venue.stationId") : scope.subtree("orgPath");
    }

    private static boolean reaches(Caller caller, Activity activity) {
        AccessScope scope = AccessScope.of(caller);
        return scope.coversOrgPath(activity.orgPath())
                || (caller.has(Role.STATION_ATTENDANT) && activity.venue().stationId() != null
                        && scope.coversStation(activity.venue().stationId()));
    }

    private static Asker asker(String phoneHash) {
        return new Asker("activity-guest:" + phoneHash, "activity-guest", "phone:" + phoneHash.substring(0, 12));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
