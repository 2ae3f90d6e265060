package org.unionplatform.membership.help;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.pii.MobilePhoneNumber;
import org.unionplatform.common.pii.PersonalDataProtector;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.common.web.ServiceUnavailableException;
import org.unionplatform.membership.client.OrganizationDirectory;
import org.unionplatform.membership.client.OrganizationDirectory.Dispatched;
import org.unionplatform.membership.client.OrganizationDirectory.NoUnionMatches;
import org.unionplatform.membership.client.OrganizationDirectory.Refused;
import org.unionplatform.membership.client.OrganizationDirectory.ToReassign;
import org.unionplatform.membership.client.OrganizationDirectory.Unavailable;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.MemberRepository;
import org.unionplatform.membership.member.MemberStatus;
import org.unionplatform.membership.member.Union;
import org.unionplatform.membership.organization.KnownOrganization;
import org.unionplatform.membership.organization.KnownOrganizations;

/**
 * Filing, handling and escalating help cases. A member's case lands with their union; anyone else's goes where
 * organization-service's dispatch sends an application of the same place, platform and worker type (a union that
 * admits, or the county-level federation when none does). Handlers reach cases in their subtree only (404
 * otherwise); the worker reaches their own ({@link Seeker}).
 */
@Service
class HelpCases {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    /** The kinds of federation a case escalates to and whose legal aid it is referred to. */
    private static final Set<String> FEDERATIONS = Set.of("DISTRICT_FEDERATION", "CITY_FEDERATION",
            "PROVINCE_FEDERATION");

    private final HelpCaseRepository cases;
    private final MongoOperations mongo;
    private final MemberRepository members;
    private final OrganizationDirectory directory;
    private final KnownOrganizations organizations;
    private final Attachments attachments;
    private final PersonalDataProtector protector;
    private final HelpProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    HelpCases(HelpCaseRepository cases, MongoOperations mongo, MemberRepository members,
            OrganizationDirectory directory, KnownOrganizations organizations, Attachments attachments,
            PersonalDataProtector protector, HelpProperties properties, AuditTrail audit, Clock clock) {
        this.cases = cases;
        this.mongo = mongo;
        this.members = members;
        this.directory = directory;
        this.organizations = organizations;
        this.attachments = attachments;
        this.protector = protector;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the worker files; place and worker type are needed only when they are not a member. */
    record Filing(CaseKind kind, String company, String platform, String workerType, String divisionCode,
            String description, String contactName, String contactPhone, String howToReach) {
    }

    /** The seeker for a member's session: their id and their phone's hash. */
    Seeker memberSeeker(String memberId) {
        Member member = members.findById(memberId).orElseThrow(() -> new ResourceNotFoundException("Member", memberId));
        return new Seeker(member.id(), member.worker().phone().lookupHash(), "member:" + member.id());
    }

    HelpCase file(Filing filing, Seeker seeker) {
        Member member = seeker.memberId() == null ? null : members.findById(seeker.memberId())
                .filter(found -> found.status() != MemberStatus.WITHDRAWN).orElse(null);
        String workerType = filing.workerType() != null ? filing.workerType()
                : member != null ? member.worker().workerType() : null;
        String divisionCode = filing.divisionCode() != null ? filing.divisionCode()
                : member != null ? member.worker().divisionCode() : null;
        String platform = filing.platform() != null ? filing.platform()
                : member != null ? member.worker().platform() : null;
        String phone = filing.contactPhone() != null ? filing.contactPhone()
                : member != null ? protector.reveal(member.worker().phone()).value() : null;
        if (phone == null) {
            throw new BusinessRuleViolationException("contact-needed", "Say how the union can reach you: a phone.")
                    .with("field", "contactPhone");
        }
        String contactName = filing.contactName() != null ? filing.contactName()
                : member != null ? member.worker().name() : null;
        Union union;
        String dispatchReason;
        if (member != null) {
            union = new Union(member.organizationId(), member.organizationName(), member.orgPath());
            dispatchReason = "会员所在工会";
        } else {
            if (divisionCode == null || workerType == null) {
                throw new BusinessRuleViolationException("place-needed", "Say where you work and what work you do,"
                        + " so the case reaches the union of that place.").with("field", divisionCode == null
                                ? "divisionCode" : "workerType");
            }
            var dispatched = route(platform, divisionCode, workerType);
            union = dispatched.union();
            dispatchReason = dispatched.reason();
        }
        var account = new HelpCase.Account(filing.kind(), filing.company(), platform, workerType, divisionCode,
                filing.description());
        var contact = new HelpCase.Contact(contactName, protector.protect(MobilePhoneNumber.parse(phone)),
                filing.howToReach());
        Instant now = clock.instant();
        HelpCase filed = cases.insert(HelpCase.file(nextId(), account, contact, member == null ? null : member.id(),
                seeker.phoneHash(), union, dispatchReason, now, properties.deadline(CaseStatus.FILED)));
        audit.record(seeker.actor(), "HELP_CASE_FILED", "help-case:" + filed.id(), AuditOutcome.SUCCESS,
                Map.of("organizationId", union.organizationId(), "kind", filing.kind().name()));
        return filed;
    }

    private record Route(Union union, String reason) {
    }

    private Route route(String platform, String divisionCode, String workerType) {
        return switch (directory.dispatch(null, platform, null, divisionCode, workerType)) {
            case Dispatched dispatched -> {
                organizations.remember(dispatched.union());
                yield new Route(dispatched.union(), dispatched.reason());
            }
            case ToReassign federation -> new Route(federation.federation(), federation.reason());
            case Refused refused -> throw new BusinessRuleViolationException("details-refused",
                    "The place or work given was refused: " + refused.detail());
            case NoUnionMatches ignored -> throw new BusinessRuleViolationException("no-union-here",
                    "No union or federation of this place is known yet.").with("field", "divisionCode");
            case Unavailable unavailable -> throw new ServiceUnavailableException("organization-service",
                    "The union of this place cannot be found right now; try again shortly.");
        };
    }

    // ---- the worker's side

    Page<HelpCase> mine(Seeker seeker, Pageable pageable) {
        Query query = seeker.memberId() != null ? Query.query(where("memberId").is(seeker.memberId()))
                : Query.query(where("seekerPhoneHash").is(seeker.phoneHash()));
        long total = mongo.count(query, HelpCase.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), HelpCase.class), pageable, total);
    }

    HelpCase own(String caseId, Seeker seeker) {
        return cases.findById(caseId).filter(seeker::owns)
                .orElseThrow(() -> new ResourceNotFoundException("Help case", caseId));
    }

    HelpCase addInformation(String caseId, String text, Seeker seeker) {
        return update(() -> own(caseId, seeker), helpCase -> helpCase.addInformation(text, clock.instant()));
    }

    HelpCase attachByWorker(String caseId, String fileName, InputStream content, Seeker seeker) {
        // Checked before the bytes are stored, so a closed or full case stores nothing.
        own(caseId, seeker).requireRoomForAttachment(properties.maxAttachments());
        var stored = attachments.store(caseId, fileName, content, true, clock.instant());
        return update(() -> own(caseId, seeker), helpCase -> helpCase.attach(stored, properties.maxAttachments()));
    }

    HelpCase withdraw(String caseId, String reason, Seeker seeker) {
        HelpCase saved = update(() -> own(caseId, seeker), helpCase -> helpCase.withdraw(reason, clock.instant()));
        audit.record(seeker.actor(), "HELP_CASE_WITHDRAWN", "help-case:" + caseId, AuditOutcome.SUCCESS, Map.of());
        return saved;
    }

    Attachments.Content attachmentForWorker(String caseId, String attachmentId, Seeker seeker) {
        return attachments.read(named(own(caseId, seeker), attachmentId));
    }

    // ---- the handlers' side

    /** Cases in the caller's subtree (or, {@code escalated}, those escalated to a federation in it), newest first. */
    Page<HelpCase> list(Caller caller, CaseStatus status, boolean escalated, Pageable pageable) {
        var scope = AccessScope.of(caller);
        Criteria criteria = escalated ? scope.subtree("escalatedToOrgPath") : scope.subtree("orgPath");
        if (escalated && caller.isAdmin()) {
            criteria = where("escalatedToOrgPath").exists(true);
        }
        Query query = Query.query(criteria);
        if (status != null) {
            query.addCriteria(where("status").is(status));
        }
        long total = mongo.count(query, HelpCase.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), HelpCase.class), pageable, total);
    }

    HelpCase inScope(String caseId, Caller caller) {
        return AccessScope.of(caller).requireInSubtree(cases.findById(caseId), HelpCase::orgPath, "Help case", caseId);
    }

    HelpCase accept(String caseId, Caller caller) {
        return changed(caseId, caller, "HELP_CASE_ACCEPTED", helpCase -> helpCase.accept(caller.subject(),
                clock.instant(), properties.deadline(CaseStatus.ACCEPTED)));
    }

    HelpCase investigate(String caseId, String note, Caller caller) {
        return changed(caseId, caller, "HELP_CASE_INVESTIGATING", helpCase -> helpCase.investigate(caller.subject(),
                note, clock.instant(), properties.deadline(CaseStatus.INVESTIGATING)));
    }

    HelpCase mediate(String caseId, String note, Caller caller) {
        return changed(caseId, caller, "HELP_CASE_MEDIATION", helpCase -> helpCase.mediate(caller.subject(), note,
                clock.instant(), properties.deadline(CaseStatus.MEDIATION)));
    }

    HelpCase recordMeeting(String caseId, Instant heldAt, String counterparty, String outcome, Caller caller) {
        String meetingId = UUID.randomUUID().toString();
        return changed(caseId, caller, "HELP_CASE_MEETING_RECORDED", helpCase -> helpCase.recordMeeting(meetingId,
                heldAt, counterparty, outcome, caller.subject(), clock.instant()));
    }

    HelpCase addNote(String caseId, String text, Caller caller) {
        return update(() -> inScope(caseId, caller), helpCase -> helpCase.addNote(caller.subject(), text,
                clock.instant()));
    }

    HelpCase close(String caseId, CaseOutcome outcome, long amountFen, String summary, Caller caller) {
        return changed(caseId, caller, "HELP_CASE_CLOSED", helpCase -> helpCase.close(outcome, amountFen, summary,
                caller.subject(), clock.instant()));
    }

    /** Refers the case to the legal aid of the county-level federation above its union (the nearest known). */
    HelpCase referToLegalAid(String caseId, String reason, Caller caller) {
        return changed(caseId, caller, "HELP_CASE_REFERRED", helpCase -> helpCase.referToLegalAid(
                legalAidFor(helpCase.orgPath()), reason, caller.subject(), clock.instant()));
    }

    /** The federation whose legal aid takes a case of the union at {@code orgPath}. */
    Union legalAidFor(String orgPath) {
        return federationAtOrAbove(orgPath, true);
    }

    /** The worker's contact phone in full, for the handler to call; audited like every personal-data read. */
    String contactPhone(String caseId, Caller caller) {
        HelpCase helpCase = inScope(caseId, caller);
        audit.record("HELP_CASE_CONTACT_READ", "help-case:" + caseId, AuditOutcome.SUCCESS,
                Map.of("readerOrgPath", String.valueOf(caller.orgPath())));
        return protector.reveal(helpCase.contact().phone()).value();
    }

    Attachments.Content attachmentForHandler(String caseId, String attachmentId, Caller caller) {
        return attachments.read(named(inScope(caseId, caller), attachmentId));
    }

    // ---- deadlines

    /**
     * One sweep: every case past its step's deadline, not yet escalated for that step, goes to the federation
     * above its union. Two instances may sweep at once: the version check lets one save win, the other skips.
     */
    int escalateOverdue() {
        Instant now = clock.instant();
        Query overdue = Query.query(where("escalatedAt").is(null).and("dueAt").lt(now))
                .limit(properties.overdueBatch());
        int escalated = 0;
        for (HelpCase helpCase : mongo.find(overdue, HelpCase.class)) {
            if (!helpCase.escalateIfOverdue(federationAtOrAbove(helpCase.orgPath(), false), now)) {
                continue;
            }
            try {
                cases.save(helpCase);
                escalated++;
                audit.record("system", "HELP_CASE_ESCALATED", "help-case:" + helpCase.id(), AuditOutcome.SUCCESS,
                        Map.of("organizationId", helpCase.escalatedToOrganizationId()));
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                // another instance escalated it, or the handler moved it on: nothing to do
            }
        }
        return escalated;
    }

    Instant now() {
        return clock.instant();
    }

    private HelpCase changed(String caseId, Caller caller, String action, Consumer<HelpCase> change) {
        HelpCase saved = update(() -> inScope(caseId, caller), change);
        audit.record(action, "help-case:" + caseId, AuditOutcome.SUCCESS,
                Map.of("organizationId", saved.organizationId()));
        return saved;
    }

    /**
     * Applies the change to a fresh copy and saves it; when another write came in between (the deadline sweep
     * escalating it, the worker adding a photo), does it again on the newer copy, whose own rules then decide (a
     * step taken twice is still 409). Three attempts, then the conflict is answered.
     */
    private HelpCase update(Supplier<HelpCase> load, Consumer<HelpCase> change) {
        for (int attempt = 1;; attempt++) {
            HelpCase helpCase = load.get();
            change.accept(helpCase);
            try {
                return cases.save(helpCase);
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                if (attempt == 3) {
                    throw changedMeanwhile;
                }
            }
        }
    }

    private static HelpCase.AttachmentRef named(HelpCase helpCase, String attachmentId) {
        return helpCase.attachments().stream().filter(a -> a.id().equals(attachmentId)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Attachment", attachmentId));
    }

    /**
     * The nearest federation (county, city, province) on the path: {@code includeOwn} counts the case's own
     * organisation (a referral from a county federation's own case stays there), otherwise strictly above (an
     * escalation). Without one known, the parent (or the organisation itself at the root).
     */
    private Union federationAtOrAbove(String orgPath, boolean includeOwn) {
        List<String> ids = Arrays.stream(orgPath.split("/")).filter(id -> !id.isEmpty()).toList();
        for (int i = ids.size() - (includeOwn ? 1 : 2); i >= 0; i--) {
            var known = organizations.find(ids.get(i)).filter(o -> FEDERATIONS.contains(o.kind()));
            if (known.isPresent()) {
                return new Union(known.get().id(), known.get().name(), pathTo(ids, i));
            }
        }
        int parent = Math.max(0, ids.size() - 2);
        String name = organizations.find(ids.get(parent)).map(KnownOrganization::name).orElse(ids.get(parent));
        return new Union(ids.get(parent), name, pathTo(ids, parent));
    }

    private static String pathTo(List<String> ids, int last) {
        return "/" + String.join("/", ids.subList(0, last + 1)) + "/";
    }

    /** A case number the worker can read out on the phone: WQ and ten letters or digits, no 0/O or 1/I/L. */
    private String nextId() {
        StringBuilder id = new StringBuilder("WQ");
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
