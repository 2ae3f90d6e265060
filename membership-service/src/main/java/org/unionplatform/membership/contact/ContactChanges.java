package org.unionplatform.membership.contact;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.pii.MobilePhoneNumber;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.MemberRepository;
import org.unionplatform.membership.member.MemberStatus;
import org.unionplatform.membership.member.Workers;
import org.unionplatform.membership.signin.OneTimeCodes;
import org.unionplatform.membership.signin.OneTimeCodes.Asker;
import org.unionplatform.membership.signin.OneTimeCodes.Purpose;
import org.unionplatform.membership.signin.OneTimeCodes.Recipient;

/**
 * Changing a member's phone. The member asks for a code to the NEW phone (through the SMS sender every code
 * uses) and confirms it from their session: the code is keyed by member and new phone, so it proves that this
 * member holds that phone. An organizer in scope changes it directly, with a reason (they met the member). Both
 * are kept in the member's contact history and audited as {@code MEMBER_PHONE_CHANGED}.
 */
@Service
class ContactChanges {

    static final String BY_MEMBER = "MEMBER";
    static final String BY_ORGANIZER = "ORGANIZER";
    private static final Purpose NEW_PHONE = new Purpose("MEMBER_PHONE_CHANGE", "MEMBER_PHONE_VERIFIED", "memberId",
            "phone", () -> new BusinessRuleViolationException("phone-code",
                    "The code is wrong or has expired; ask for a new code to the new phone."));

    private final OneTimeCodes codes;
    private final MemberRepository members;
    private final MongoOperations mongo;
    private final Workers workers;
    private final AuditTrail audit;
    private final Clock clock;

    ContactChanges(OneTimeCodes codes, MemberRepository members, MongoOperations mongo, Workers workers,
            AuditTrail audit, Clock clock) {
        this.codes = codes;
        this.members = members;
        this.mongo = mongo;
        this.workers = workers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sends a code to the new phone of the calling member (429 when asked too often). */
    void requestCode(String phone, Caller caller) {
        Member member = own(caller);
        requireNewPhone(member, phone);
        codes.request(NEW_PHONE, asker(member, phone),
                Optional.of(new Recipient(member.id(), phone, null)));
    }

    /** The member confirms the new phone with the code sent to it; the old phone stops signing in. */
    Member confirm(String phone, String code, Caller caller) {
        Member member = own(caller);
        requireNewPhone(member, phone);
        return codes.verify(NEW_PHONE, asker(member, phone), code,
                memberId -> Optional.of(change(member, phone, BY_MEMBER, null, caller.subject())));
    }

    /** An organizer in scope sets the phone; 404 outside their subtree. */
    Member changeByOrganizer(String memberId, String phone, String reason, Caller caller) {
        Member member = inScope(memberId, caller);
        requireNewPhone(member, phone);
        return change(member, phone, BY_ORGANIZER, reason, caller.subject());
    }

    /** The member's contact history, oldest first: the member their own, staff any member in their subtree. */
    List<Member.ContactChange> history(String memberId, Caller caller) {
        if (caller.has(Role.MEMBER) && !caller.hasAny(Role.ORGANIZER, Role.ADMIN)) {
            return AccessScope.of(caller).requireSelf(members.findById(memberId), Member::id, "Member", memberId)
                    .contactChanges().stream()
                    // Staff accounts may be a person's name, not the member's to see; who changed it is the role.
                    .map(c -> new Member.ContactChange(c.field(), c.before(), c.after(), c.changedBy(), null,
                            c.reason(), c.at()))
                    .toList();
        }
        return inScope(memberId, caller).contactChanges();
    }

    private Member change(Member member, String phone, String changedBy, String reason, String by) {
        String phoneHash = workers.phoneHash(phone);
        boolean anotherMembers = mongo.exists(Query.query(where("worker.phone.lookupHash").is(phoneHash)
                .and("status").ne(MemberStatus.WITHDRAWN).and("_id").ne(member.id())), Member.class);
        if (anotherMembers) {
            throw new ConflictException("This phone is another member's; each member signs in with their own phone.");
        }
        member.changePhone(workers.withPhone(member.worker(), phone), changedBy, reason, by, clock.instant());
        Member saved = members.save(member);
        audit.record("MEMBER_PHONE_CHANGED", "member:" + member.id(), AuditOutcome.SUCCESS,
                Map.of("changedBy", changedBy, "phone", MobilePhoneNumber.mask(phone)));
        return saved;
    }

    private void requireNewPhone(Member member, String phone) {
        if (member.status() == MemberStatus.WITHDRAWN) {
            throw new ConflictException("Member " + member.id() + " has withdrawn; their contact details do not change.");
        }
        if (workers.phoneHash(phone).equals(member.worker().phone().lookupHash())) {
            throw new ConflictException("This is already the member's phone.");
        }
    }

    private Member own(Caller caller) {
        return AccessScope.of(caller).requireSelf(Optional.ofNullable(caller.memberId()).flatMap(members::findById),
                Member::id, "Member", caller.memberId());
    }

    private Member inScope(String memberId, Caller caller) {
        return AccessScope.of(caller).requireInSubtree(members.findById(memberId), Member::orgPath, "Member",
                memberId);
    }

    /** Keyed by member and new phone's hash: a code proves that this member holds that phone, nothing else. */
    private Asker asker(Member member, String phone) {
        String target = "member:" + member.id();
        return new Asker("phone-change:" + member.id() + ":" + workers.phoneHash(phone), target, target);
    }
}
