package org.unionplatform.membership.application;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.membership.client.OrganizationDirectory;
import org.unionplatform.membership.client.OrganizationDirectory.Dispatched;
import org.unionplatform.membership.client.OrganizationDirectory.NoUnionMatches;
import org.unionplatform.membership.client.OrganizationDirectory.Refused;
import org.unionplatform.membership.client.OrganizationDirectory.ToReassign;
import org.unionplatform.membership.client.OrganizationDirectory.Unavailable;
import org.unionplatform.membership.member.Channel;
import org.unionplatform.membership.member.Enrolments;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.MemberRepository;
import org.unionplatform.membership.member.Worker;
import org.unionplatform.membership.member.Workers;
import org.unionplatform.membership.organization.KnownOrganization;
import org.unionplatform.membership.organization.KnownOrganizations;
import org.unionplatform.membership.signin.CardIssuedMessage;
import org.unionplatform.membership.signin.TextMessages;

/** Submitting, dispatching, re-assigning and deciding applications. */
@Service
class Applications {

    static final String NO_MATCHING_UNION = "no union or federation of this place is known yet";

    private final ApplicationRepository applications;
    private final MemberRepository members;
    private final OrganizationDirectory directory;
    private final KnownOrganizations knownOrganizations;
    private final Enrolments enrolment;
    private final DispatchProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final TextMessages texts;
    private final Workers workers;

    Applications(ApplicationRepository applications, MemberRepository members, OrganizationDirectory directory,
            KnownOrganizations knownOrganizations, Enrolments enrolment, DispatchProperties properties,
            AuditTrail audit, Clock clock, TextMessages texts, Workers workers) {
        this.texts = texts;
        this.workers = workers;
        this.applications = applications;
        this.members = members;
        this.directory = directory;
        this.knownOrganizations = knownOrganizations;
        this.enrolment = enrolment;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    sealed interface Submitted permits AlreadyMember, AlreadyApplied, New {
    }

    record AlreadyMember(Member member) implements Submitted {
    }

    record AlreadyApplied(Application application) implements Submitted {
    }

    record New(Application application) implements Submitted {
    }

    /**
     * One person, one membership and at most one open application; the new one is dispatched right away if
     * possible. Details organization-service refuses as invalid close it at once (422, {@link DetailsRefused}).
     *
     * @param residentIdNote what the staff should know about the resident ID, or null
     * @param channel        what brought the applicant (station:<id>: the union running that station takes it), or null
     */
    Submitted submit(Worker worker, String residentIdNote, String submittedBy, String channel) {
        return submit(worker, residentIdNote, submittedBy, UUID.randomUUID().toString(), channel);
    }

    /**
     * As {@link #submit(Worker, String, String, String)}, a new application taking the given id (a public receipt
     * code).
     */
    Submitted submit(Worker worker, String residentIdNote, String submittedBy, String newId, String channel) {
        var member = currentMember(worker);
        if (member.isPresent()) {
            return new AlreadyMember(member.get());
        }
        var open = applications.findByOpenApplicantKey(worker.residentIdHash());
        if (open.isPresent()) {
            return new AlreadyApplied(open.get());
        }
        var now = clock.instant();
        // The background round leaves it alone while this request asks for its union.
        Application application = Application.submit(newId, worker, residentIdNote, submittedBy, now,
                now.plus(properties.redispatchInterval().multipliedBy(4)), channel);
        try {
            application = applications.insert(application);
        } catch (DuplicateKeyException raced) {
            return new AlreadyApplied(applications.findByOpenApplicantKey(worker.residentIdHash()).orElseThrow(() -> raced));
        }
        Application dispatched;
        try {
            dispatched = tryDispatch(application);
        } catch (OptimisticLockingFailureException dispatchedByTheRound) {
            dispatched = applications.findById(application.id()).orElseThrow();
        }
        if (dispatched.status() == ApplicationStatus.REFUSED) {
            throw new DetailsRefused(dispatched.dispatchProblem());
        }
        return new New(dispatched);
    }

    /** 422: organization-service refused the applicant's details; nothing waits, the person may apply again. */
    static final class DetailsRefused extends BusinessRuleViolationException {
        DetailsRefused(String problem) {
            super("details-refused", "The application's details were refused as invalid: " + problem);
        }
    }

    /** Asks for the union once; on failure the application stays waiting for the next round. */
    Application tryDispatch(Application application) {
        var now = clock.instant();
        var existing = currentMember(application.worker());
        if (existing.isPresent()) {
            application.closeAsAlreadyMember(existing.get().id(), now);
            return applications.save(application);
        }
        switch (directory.dispatch(application.worker(), application.stationId())) {
            case Dispatched dispatched -> {
                knownOrganizations.remember(dispatched.union());
                application.dispatchedTo(dispatched.union(), dispatched.rule(), dispatched.reason(), now);
            }
            case ToReassign queue -> application.awaitReassignment(queue.federation(), queue.reason(), now);
            case Refused refused -> {
                application.refuse(refused.detail(), now);
                // Recorded once the refusal is saved: an instance whose save loses to another's (two rounds
                // over the same waiting application) must not add a second record.
                Application saved = applications.save(application);
                audit.record("APPLICATION_REFUSED", "application:" + application.id(), AuditOutcome.FAILURE,
                        Map.of("problem", refused.detail()));
                return saved;
            }
            case NoUnionMatches ignored -> application.dispatchFailed(NO_MATCHING_UNION, now,
                    properties.redispatchInterval(), properties.redispatchBackoffMax());
            case Unavailable unavailable -> application.dispatchFailed(
                    "organization-service unavailable (" + unavailable.reason() + ")", now,
                    properties.redispatchInterval(), properties.redispatchBackoffMax());
        }
        return applications.save(application);
    }

    /** The person's membership unless they withdrew: a withdrawn member applies again like anyone (a rejoin). */
    private java.util.Optional<Member> currentMember(Worker worker) {
        return members.findByWorkerResidentIdLookupHash(worker.residentIdHash())
                .filter(found -> found.status() != org.unionplatform.membership.member.MemberStatus.WITHDRAWN);
    }

    record Approval(Application application, Member member, String qrTokenShownOnce) {
    }

    /**
     * Approves; when the overdue round escalated the application between our read and our write, approves the
     * fresh copy once more (escalation leaves it in the same union's queue), else answers the conflict.
     */
    Approval approve(Application application, String by) {
        try {
            return approveOnce(application, by);
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            Application fresh = applications.findById(application.id())
                    .filter(again -> java.util.Objects.equals(again.orgPath(), application.orgPath()))
                    .orElseThrow(() -> changedMeanwhile);
            return approveOnce(fresh, by);
        }
    }

    private Approval approveOnce(Application application, String by) {
        // Member first: if we stop between the two writes, approving again finds the member and finishes.
        var enrolled = enrolment.enrol(application.worker(), new org.unionplatform.membership.member.Union(
                application.organizationId(), application.organizationName(), application.orgPath()),
                Channel.APPLICATION, application.id(), by);
        application.approve(enrolled.member().id(), by, clock.instant());
        Application saved = applications.save(application);
        audit.record("APPLICATION_APPROVED", "application:" + application.id(), AuditOutcome.SUCCESS,
                Map.of("memberId", enrolled.member().id(), "organizationId", application.organizationId()));
        if (enrolled.admitted()) {
            texts.sendCardNumber(new CardIssuedMessage(workers.revealPhone(enrolled.member().worker()),
                    enrolled.member().cardNumber(), enrolled.member().organizationName()));
        }
        return new Approval(saved, enrolled.member(), enrolled.qrTokenShownOnce());
    }

    /**
     * A federation's organizer hands an application from its re-assignment queue to a union below it that admits
     * members (422 otherwise: {@code unknown-organization}, {@code cannot-admit}, {@code reassign-below}).
     */
    Application reassign(Application application, String organizationId, String reason, String by) {
        KnownOrganization target = knownOrganizations.find(organizationId).orElseThrow(() ->
                new BusinessRuleViolationException("unknown-organization", "No union " + organizationId
                        + " is known to this service.").with("field", "organizationId"));
        if (target.kind() != null && FEDERATIONS.contains(target.kind())) {
            throw new BusinessRuleViolationException("cannot-admit", target.name() + " is a federation of a"
                    + " province, city or county: it does not admit members.").with("field", "organizationId");
        }
        application.reassign(new org.unionplatform.membership.member.Union(target.id(), target.name(),
                target.orgPath()), reason, by, clock.instant());
        Application saved = applications.save(application);
        audit.record("APPLICATION_REASSIGNED", "application:" + application.id(), AuditOutcome.SUCCESS,
                Map.of("organizationId", target.id()));
        return saved;
    }

    /**
     * Puts an application its union left unhandled too long in the re-assignment queue of the federation above
     * it: the nearest county-level, city or province federation on its path that this service knows (from
     * {@code organization.established}), else the union's parent.
     */
    boolean escalate(Application application) {
        if (!application.escalate(federationAbove(application.orgPath()), clock.instant())) {
            return false;
        }
        applications.save(application);
        audit.record("APPLICATION_ESCALATED", "application:" + application.id(), AuditOutcome.SUCCESS,
                Map.of("organizationId", application.organizationId()));
        return true;
    }

    private org.unionplatform.membership.member.Union federationAbove(String orgPath) {
        List<String> ids = Arrays.stream(orgPath.split("/")).filter(id -> !id.isEmpty()).toList();
        for (int i = ids.size() - 1; i >= 0; i--) {
            var known = knownOrganizations.find(ids.get(i)).filter(o -> FEDERATIONS.contains(o.kind()));
            if (known.isPresent()) {
                return new org.unionplatform.membership.member.Union(known.get().id(), known.get().name(),
                        pathTo(ids, i));
            }
        }
        int parent = Math.max(0, ids.size() - 2);
        String name = knownOrganizations.find(ids.get(parent)).map(KnownOrganization::name).orElse(ids.get(parent));
        return new org.unionplatform.membership.member.Union(ids.get(parent), name, pathTo(ids, parent));
    }

    private static String pathTo(List<String> ids, int last) {
        return "/" + String.join("/", ids.subList(0, last + 1)) + "/";
    }

    /** The kinds that never admit members: their organizers re-assign instead. */
    static final Set<String> FEDERATIONS = Set.of("PROVINCE_FEDERATION", "CITY_FEDERATION", "DISTRICT_FEDERATION");

    Application reject(Application application, String reason, String by) {
        application.reject(reason, by, clock.instant());
        Application saved = applications.save(application);
        audit.record("APPLICATION_REJECTED", "application:" + application.id(), AuditOutcome.SUCCESS,
                Map.of("organizationId", application.organizationId()));
        return saved;
    }

    /** One round over waiting applications; a concurrent round elsewhere makes our save fail harmlessly. */
    int redispatchDue(int limit) {
        int dispatched = 0;
        for (Application waiting : applications.findDue(clock.instant(), limit)) {
            try {
                if (tryDispatch(waiting).status() != ApplicationStatus.AWAITING_DISPATCH) {
                    dispatched++;
                }
            } catch (OptimisticLockingFailureException handledElsewhere) {
                // another instance dispatched it meanwhile
            }
        }
        return dispatched;
    }
}
