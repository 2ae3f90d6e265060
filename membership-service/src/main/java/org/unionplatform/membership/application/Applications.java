package org.unionplatform.membership.application;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.membership.client.OrganizationDirectory;
import org.unionplatform.membership.client.OrganizationDirectory.Dispatched;
import org.unionplatform.membership.client.OrganizationDirectory.NoUnionMatches;
import org.unionplatform.membership.client.OrganizationDirectory.Unavailable;
import org.unionplatform.membership.member.Channel;
import org.unionplatform.membership.member.Enrolments;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.MemberRepository;
import org.unionplatform.membership.member.Worker;
import org.unionplatform.membership.member.Workers;
import org.unionplatform.membership.organization.KnownOrganizations;
import org.unionplatform.membership.signin.CardIssuedMessage;
import org.unionplatform.membership.signin.TextMessages;

/** Submitting, dispatching and deciding applications. */
@Service
class Applications {

    static final String NO_MATCHING_UNION = "no union matches this applicant yet";

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

    /** One person, one membership and at most one open application; the new one is dispatched right away if possible. */
    Submitted submit(Worker worker, String submittedBy) {
        return submit(worker, submittedBy, UUID.randomUUID().toString());
    }

    /** As {@link #submit(Worker, String)}, a new application taking the given id (a public receipt code). */
    Submitted submit(Worker worker, String submittedBy, String newId) {
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
        Application application = Application.submit(newId, worker, submittedBy, now,
                now.plus(properties.redispatchInterval().multipliedBy(4)));
        try {
            application = applications.insert(application);
        } catch (DuplicateKeyException raced) {
            return new AlreadyApplied(applications.findByOpenApplicantKey(worker.residentIdHash()).orElseThrow(() -> raced));
        }
        try {
            return new New(tryDispatch(application));
        } catch (OptimisticLockingFailureException dispatchedByTheRound) {
            return new New(applications.findById(application.id()).orElseThrow());
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
        switch (directory.dispatch(application.worker())) {
            case Dispatched dispatched -> {
                knownOrganizations.remember(dispatched.union());
                application.dispatchedTo(dispatched.union(), dispatched.rule(), now);
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

    Approval approve(Application application, String by) {
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
