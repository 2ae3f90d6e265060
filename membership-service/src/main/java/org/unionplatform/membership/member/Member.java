package org.unionplatform.membership.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.events.OutboxAggregate;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.membership.events.HardshipLapsed;
import org.unionplatform.membership.events.HardshipRegistered;
import org.unionplatform.membership.events.MembershipApproved;
import org.unionplatform.membership.events.MembershipReinstated;
import org.unionplatform.membership.events.MembershipSuspended;
import org.unionplatform.membership.events.MembershipTransferred;
import org.unionplatform.membership.events.MembershipWithdrawn;

// Over 200 lines: seventeen stored fields and their accessors; the rules are the transition methods (the hardship
// rules live in HardshipFile).
/**
 * A union member: one per person (the resident ID's keyed hash is unique), with a card number unique across
 * the platform and an optional QR token kept only as its hash. State changes go through the methods below,
 * each refusing a wrong state (409: suspend only an active member, reinstate only a suspended one, nothing for a
 * withdrawn one) and registering its event in the same document write (outbox).
 */
@Document("members")
@CompoundIndexes({
    @CompoundIndex(name = "one_person_one_member", def = "{'worker.residentId.lookupHash': 1}", unique = true),
    @CompoundIndex(name = "card_number", def = "{'cardNumber': 1}", unique = true),
    @CompoundIndex(name = "qr_token", def = "{'qrTokenHash': 1}", unique = true, sparse = true),
    @CompoundIndex(name = "scope", def = "{'orgPath': 1, 'joinedAt': -1}"),
    // The hardship register lists registrations by review date (due first) in a subtree; the lapse round finds
    // registrations past their date by the same keys.
    @CompoundIndex(name = "hardship_reviews", def = "{'hardshipFile.status': 1, 'hardshipFile.reviewOn': 1, '_id': 1, 'orgPath': 1}"),
    // The member list sorts newest first then by _id; a subtree (a path prefix) is a range, after the sort.
    @CompoundIndex(name = "list", def = "{'joinedAt': -1, '_id': 1, 'orgPath': 1}"),
    @CompoundIndex(name = "source", def = "{'source': 1}"),
    // Phone sign-in and phone changes look a member up by the phone's keyed hash.
    @CompoundIndex(name = "phone", def = "{'worker.phone.lookupHash': 1, 'status': 1}")
})
public class Member extends OutboxAggregate {

    @Id
    private final String id;
    private Worker worker;
    private String organizationId;
    private String organizationName;
    private String orgPath;
    private MemberStatus status;
    private final String cardNumber;
    private String qrTokenHash;
    private final Instant joinedAt;
    private final LocalDate joinedOn;
    private final Channel channel;
    private final String source;
    private HardshipFile hardshipFile;
    private List<StatusChange> statusHistory;
    private List<TransferRecord> transfers;
    private List<ContactChange> contactChanges;
    @Version
    private Long version;

    /** A change of status, kept forever: who, when and why. */
    public record StatusChange(MemberStatus status, String reason, String by, Instant at) {
    }

    /** A move to another union, kept forever, with the platform and division the member works in after it. */
    public record TransferRecord(String transferId, String fromOrganizationId, String fromOrgPath,
            String toOrganizationId, String toOrgPath, Instant at, String platform, String divisionCode) {
    }

    /**
     * A change of contact details, kept forever and shown to the member: the phone before and after, masked,
     * and who changed it ({@code MEMBER} after a code to the new phone, or {@code ORGANIZER} with a reason).
     */
    public record ContactChange(String field, String before, String after, String changedBy, String by,
            String reason, Instant at) {
    }

    @PersistenceCreator
    Member(String id, Worker worker, String organizationId, String organizationName, String orgPath,
            MemberStatus status, String cardNumber, String qrTokenHash, Instant joinedAt, LocalDate joinedOn,
            Channel channel, String source, HardshipFile hardshipFile, List<StatusChange> statusHistory,
            List<TransferRecord> transfers, List<ContactChange> contactChanges, Long version) {
        this.id = id;
        this.worker = worker;
        this.organizationId = organizationId;
        this.organizationName = organizationName;
        this.orgPath = orgPath;
        this.status = status;
        this.cardNumber = cardNumber;
        this.qrTokenHash = qrTokenHash;
        this.joinedAt = joinedAt;
        this.joinedOn = joinedOn;
        this.channel = channel;
        this.source = source;
        this.hardshipFile = hardshipFile;
        this.statusHistory = statusHistory == null ? new ArrayList<>() : new ArrayList<>(statusHistory);
        this.transfers = transfers == null ? new ArrayList<>() : new ArrayList<>(transfers);
        this.contactChanges = contactChanges == null ? new ArrayList<>() : new ArrayList<>(contactChanges);
        this.version = version;
    }

    /**
     * Admits a person: the member starts ACTIVE and {@code membership.approved} is registered.
     *
     * @param source the application or bulk enrolment that admitted them
     */
    public static Member admit(String id, Worker worker, Union union, String cardNumber, String qrTokenHash,
            Channel channel, String source, String by, Instant now) {
        Member member = admitInBulk(id, worker, union, cardNumber, qrTokenHash, channel, source, by, now);
        member.registerEvent(member.approvedEvent());
        return member;
    }

    /**
     * A member admitted by a bulk enrolment, whose {@code membership.approved} travels in the batch's outbox
     * document instead of its own ({@code BulkEnrolmentEvents}): one outbox write per batch, not per member.
     */
    public static Member admitInBulk(String id, Worker worker, Union union, String cardNumber, String qrTokenHash,
            Channel channel, String source, String by, Instant now) {
        return new Member(id, worker, union.organizationId(), union.name(), union.orgPath(), MemberStatus.ACTIVE,
                cardNumber, qrTokenHash, now, LocalDate.ofInstant(now, ChinaTime.ZONE), channel, source, null,
                List.of(new StatusChange(MemberStatus.ACTIVE, "joined (" + channel + ")", by, now)), List.of(),
                List.of(), null);
    }

    /** The payload of this member's {@code membership.approved} for the first admission. */
    public MembershipApproved approvedEvent() {
        return new MembershipApproved(id, cardNumber, organizationId, orgPath, worker.workerType(),
                worker.gender().name(), worker.platform(), worker.companyCreditCode(), worker.divisionCode(), joinedAt,
                channel.name());
    }

    /**
     * A demo member, joined at a past instant and announced like any other ({@code membership.approved} at that
     * instant), so the other services derive their demo figures from these records.
     */
    public static Member demo(String id, Worker worker, Union union, String cardNumber, Instant joinedAt) {
        Member member = new Member(id, worker, union.organizationId(), union.name(), union.orgPath(),
                MemberStatus.ACTIVE, cardNumber, null, joinedAt, LocalDate.ofInstant(joinedAt, ChinaTime.ZONE),
                Channel.BULK, "demo-data", null,
                List.of(new StatusChange(MemberStatus.ACTIVE, "demo data", "demo-data", joinedAt)), List.of(),
                List.of(), null);
        member.registerEvent(member.approvedEvent());
        return member;
    }

    /**
     * A withdrawn person joins again, into {@code union}, with the details of their new application (the same
     * person: the resident ID must be the same). They keep their member id and card number: one person is one
     * member, and the card, the service history and benefits stay theirs. {@code joinedAt} stays the first
     * admission; the rejoin is in the status history and announced as {@code membership.approved} (channel
     * {@code REJOIN}), so every count that a withdrawal lowered rises again.
     */
    public void rejoin(Worker details, Union union, String qrTokenHash, String reason, String by, Instant now) {
        requireStatus(MemberStatus.WITHDRAWN, "re-admit");
        if (!worker.residentIdHash().equals(details.residentIdHash())) {
            throw new ConflictException("The details are not those of member " + id + ".");
        }
        worker = details;
        organizationId = union.organizationId();
        organizationName = union.name();
        orgPath = union.orgPath();
        this.qrTokenHash = qrTokenHash;
        changeStatus(MemberStatus.ACTIVE, reason, by, now);
        registerEvent(new MembershipApproved(id, cardNumber, organizationId, orgPath, worker.workerType(),
                worker.gender().name(), worker.platform(), worker.companyCreditCode(), worker.divisionCode(), now,
                Channel.REJOIN.name()));
    }

    /**
     * A new phone. {@code changedBy} says how it was proven: {@code MEMBER} (a code sent to the new phone) or
     * {@code ORGANIZER} (in person, with a reason). A withdrawn member's record is history and does not change.
     */
    public void changePhone(Worker withNewPhone, String changedBy, String reason, String by, Instant now) {
        if (status == MemberStatus.WITHDRAWN) {
            throw new ConflictException("Member " + id + " has withdrawn; their contact details do not change.");
        }
        if (!worker.residentIdHash().equals(withNewPhone.residentIdHash())) {
            throw new ConflictException("The details are not those of member " + id + ".");
        }
        if (worker.phone().lookupHash().equals(withNewPhone.phone().lookupHash())) {
            throw new ConflictException("This is already the phone of member " + id + ".");
        }
        contactChanges.add(new ContactChange("phone", worker.phone().masked(), withNewPhone.phone().masked(),
                changedBy, by, reason, now));
        worker = withNewPhone;
    }

    public void suspend(String reason, String by, Instant now) {
        requireStatus(MemberStatus.ACTIVE, "suspend");
        changeStatus(MemberStatus.SUSPENDED, reason, by, now);
        registerEvent(new MembershipSuspended(id, organizationId, orgPath, reason, now));
    }

    public void reinstate(String reason, String by, Instant now) {
        requireStatus(MemberStatus.SUSPENDED, "reinstate");
        changeStatus(MemberStatus.ACTIVE, reason, by, now);
        registerEvent(new MembershipReinstated(id, organizationId, orgPath, reason, now));
    }

    public void withdraw(String reason, String by, Instant now) {
        if (status == MemberStatus.WITHDRAWN) {
            throw new ConflictException("Member " + id + " has already withdrawn.");
        }
        changeStatus(MemberStatus.WITHDRAWN, reason, by, now);
        registerEvent(new MembershipWithdrawn(id, worker.workerType(), organizationId, orgPath, reason, now));
    }

    /**
     * Moves the member to another union, where they now work on {@code platform} (null: none) in
     * {@code divisionCode}; applying the same transfer twice changes nothing.
     */
    public boolean transferTo(String transferId, Union to, String platform, String divisionCode, Instant now) {
        if (transfers.stream().anyMatch(done -> done.transferId().equals(transferId))) {
            return false;
        }
        requireTransferable();
        transfers.add(new TransferRecord(transferId, organizationId, orgPath, to.organizationId(), to.orgPath(), now,
                platform, divisionCode));
        registerEvent(new MembershipTransferred(id, worker.workerType(), organizationId, orgPath,
                to.organizationId(), to.orgPath(), now, platform, divisionCode));
        worker = new Worker(worker.name(), worker.residentId(), worker.phone(), worker.phonePrefixKey(),
                worker.gender(), worker.birthDate(), worker.workerType(), platform, worker.companyCreditCode(),
                divisionCode);
        organizationId = to.organizationId();
        organizationName = to.name();
        orgPath = to.orgPath();
        return true;
    }

    /** Fails with 409 for a withdrawn member (a transfer is asked for and consented to only while a member). */
    public void requireTransferable() {
        if (status == MemberStatus.WITHDRAWN) {
            throw new ConflictException("Member " + id + " has withdrawn and cannot be transferred.");
        }
    }

    /**
     * Registers the member as in hardship (困难职工建档) until {@code reviewOn}; only an active member, and not while
     * a registration is in force (409). A registration past its review date is lapsed first, so its lapse is
     * announced before the new registration.
     */
    public void registerHardship(HardshipReason reason, String evidence, String checkedBy, LocalDate reviewOn,
            String by, Instant now) {
        requireStatus(MemberStatus.ACTIVE, "register in hardship");
        lapseHardshipIfDue(now);
        hardshipFile = HardshipFile.register(hardshipFile, reason, evidence, checkedBy, reviewOn, by, now);
        registerEvent(new HardshipRegistered(id, organizationId, orgPath, reason.name(), reviewOn, now));
    }

    /** Reviewed before its date and still in hardship: in force until the new review date. */
    public void reviewHardship(LocalDate reviewOn, String note, String by, Instant now) {
        hardshipFile = requireHardshipFile().review(reviewOn, note, by, now);
    }

    /** Corrects a mistyped review date (see {@link HardshipFile}); a past day makes the registration lapse. */
    public void correctHardshipReviewDate(LocalDate reviewOn, String note, String by, Instant now) {
        hardshipFile = requireHardshipFile().correctReviewDate(reviewOn, note, by, now);
    }

    /** Reviewed and no longer in hardship. */
    public void endHardship(String note, String by, Instant now) {
        hardshipFile = requireHardshipFile().end(note, by, now);
        registerEvent(new HardshipLapsed(id, organizationId, orgPath, hardshipFile.reviewOn(), "ENDED", now));
    }

    /** Records the lapse of a registration past its review date; false (nothing changes) for any other. */
    public boolean lapseHardshipIfDue(Instant now) {
        if (hardshipFile == null || !hardshipFile.dueOn(HardshipFile.today(now))) {
            return false;
        }
        hardshipFile = hardshipFile.lapse(now);
        registerEvent(new HardshipLapsed(id, organizationId, orgPath, hardshipFile.reviewOn(), "REVIEW_DUE", now));
        return true;
    }

    private HardshipFile requireHardshipFile() {
        if (hardshipFile == null) {
            throw new ConflictException("Member " + id + " is not registered as in hardship.");
        }
        return hardshipFile;
    }

    /** Replaces the QR token (the old one stops working). */
    public void replaceQrToken(String newTokenHash) {
        requireStatus(MemberStatus.ACTIVE, "issue a QR token to");
        qrTokenHash = newTokenHash;
    }

    private void requireStatus(MemberStatus required, String action) {
        if (status != required) {
            throw new ConflictException("Cannot " + action + " member " + id + ": the member is " + status + ".");
        }
    }

    private void changeStatus(MemberStatus newStatus, String reason, String by, Instant now) {
        status = newStatus;
        statusHistory.add(new StatusChange(newStatus, reason, by, now));
    }

    public String id() {
        return id;
    }

    public Worker worker() {
        return worker;
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

    public MemberStatus status() {
        return status;
    }

    public String cardNumber() {
        return cardNumber;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public LocalDate joinedOn() {
        return joinedOn;
    }

    public Channel channel() {
        return channel;
    }

    public String source() {
        return source;
    }

    /** The hardship file, or null when the member was never registered as in hardship. */
    public HardshipFile hardshipFile() {
        return hardshipFile;
    }

    /** Whether the member counts as in hardship on that day (Asia/Shanghai). */
    public boolean inHardshipOn(LocalDate today) {
        return hardshipFile != null && hardshipFile.inForceOn(today);
    }

    public List<StatusChange> statusHistory() {
        return List.copyOf(statusHistory);
    }

    public List<TransferRecord> transfers() {
        return List.copyOf(transfers);
    }

    public List<ContactChange> contactChanges() {
        return List.copyOf(contactChanges);
    }
}
