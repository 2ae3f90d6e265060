package org.unionplatform.membership.transfer;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.MemberRepository;
import org.unionplatform.membership.organization.KnownOrganizations;

/**
 * Transfers: either side's organizer asks (the sending union is told by {@code membership.transfer-requested});
 * the member moves once the receiving union and the member have both said yes, before the request expires. A
 * request made by the receiving side carries its yes. The member's document changes first, carrying
 * membership.transferred in its outbox; the transfer id in the member's history makes a repeated move change nothing.
 */
@Service
class Transfers {

    private final TransferRepository transfers;
    private final MongoOperations mongo;
    private final MemberRepository members;
    private final KnownOrganizations organizations;
    private final TransferProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    Transfers(TransferRepository transfers, MongoOperations mongo, MemberRepository members,
            KnownOrganizations organizations, TransferProperties properties, AuditTrail audit, Clock clock) {
        this.transfers = transfers;
        this.mongo = mongo;
        this.members = members;
        this.organizations = organizations;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Either side may ask; 404 for a member on neither side of the caller's reach, 409 while another request for the
     * member is open. {@code platform} null keeps the member's; {@code divisionCode} null means the destination's.
     */
    Transfer request(String memberId, String toOrganizationId, String platform, String divisionCode, String reason,
            Caller caller) {
        var scope = AccessScope.of(caller);
        var destination = organizations.require(toOrganizationId);
        boolean receivingSide = scope.coversOrgPath(destination.orgPath());
        Member member = members.findById(memberId)
                .filter(found -> receivingSide || scope.coversOrgPath(found.orgPath()))
                .orElseThrow(() -> new ResourceNotFoundException("Member", memberId));
        member.requireTransferable();
        Instant now = clock.instant();
        if (openFor(memberId, now)) {
            throw new ConflictException("Member " + memberId + " already has a transfer waiting for a decision.");
        }
        var sides = new Transfer.Sides(memberId, member.organizationId(), member.orgPath(), destination.id(),
                destination.name(), destination.orgPath());
        return transfers.insert(Transfer.request(UUID.randomUUID().toString(), sides,
                platform == null ? member.worker().platform() : platform,
                divisionCode == null ? destination.divisionCode() : divisionCode, reason, caller.subject(),
                receivingSide, now, now.plus(properties.consentWithin())));
    }

    /** The receiving union's yes; the member moves if they consented already. */
    Transfer accept(String transferId, Caller caller) {
        Transfer transfer = open(receivingSide(transferId, caller));
        return transfer.accept(caller.subject(), clock.instant()) ? move(transfer) : transfers.save(transfer);
    }

    Transfer decline(String transferId, String reason, Caller caller) {
        Transfer transfer = open(receivingSide(transferId, caller));
        transfer.decline(caller.subject(), clock.instant(), reason);
        return transfers.save(transfer);
    }

    /** The member's own transfers, newest first. */
    Page<Transfer> mine(Pageable pageable, Caller caller) {
        var query = Query.query(where("memberId").is(caller.memberId()));
        long total = mongo.count(query, Transfer.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), Transfer.class), pageable, total);
    }

    /** The member's yes, from their own session; they move if the receiving union agreed already. */
    Transfer consent(String transferId, Caller caller) {
        Transfer transfer = open(own(transferId, caller));
        boolean move = transfer.consent(clock.instant());
        audit.record("TRANSFER_CONSENTED", "transfer:" + transferId, AuditOutcome.SUCCESS,
                Map.of("memberId", transfer.memberId()));
        return move ? move(transfer) : transfers.save(transfer);
    }

    /** The member's no. */
    Transfer refuse(String transferId, String reason, Caller caller) {
        Transfer transfer = open(own(transferId, caller));
        transfer.refuse(clock.instant(), reason);
        audit.record("TRANSFER_REFUSED", "transfer:" + transferId, AuditOutcome.SUCCESS,
                Map.of("memberId", transfer.memberId()));
        return transfers.save(transfer);
    }

    /** Transfers into or out of the caller's subtree. */
    Page<Transfer> list(Pageable pageable, Caller caller) {
        var scope = AccessScope.of(caller);
        var query = Query.query(new Criteria().orOperator(scope.subtree("fromOrgPath"), scope.subtree("toOrgPath")));
        long total = mongo.count(query, Transfer.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), Transfer.class), pageable, total);
    }

    Instant now() {
        return clock.instant();
    }

    private boolean openFor(String memberId, Instant now) {
        var query = Query.query(where("memberId").is(memberId).and("status").is(Transfer.Status.REQUESTED));
        return mongo.find(query, Transfer.class).stream().anyMatch(t -> t.statusAt(now) == Transfer.Status.REQUESTED);
    }

    /** Both said yes: the member moves (member first, carrying its event), then the transfer is saved as done. */
    private Transfer move(Transfer transfer) {
        Member member = members.findById(transfer.memberId())
                .orElseThrow(() -> new ResourceNotFoundException("Member", transfer.memberId()));
        var destination = organizations.require(transfer.toOrganizationId());
        if (member.transferTo(transfer.id(), destination.asUnion(), transfer.platform(), transfer.divisionCode(),
                clock.instant())) {
            members.save(member);
        }
        return transfers.save(transfer);
    }

    /** The transfer if it still waits; one past its expiry is stored as EXPIRED and answered 409. */
    private Transfer open(Transfer transfer) {
        if (transfer.expireIfDue(clock.instant())) {
            transfers.save(transfer);
            throw new ConflictException("Transfer " + transfer.id() + " has expired; ask again.");
        }
        return transfer;
    }

    /** The transfer if it leads into the caller's subtree; 404 otherwise. */
    private Transfer receivingSide(String transferId, Caller caller) {
        return AccessScope.of(caller).requireInSubtree(transfers.findById(transferId), Transfer::toOrgPath,
                "Transfer", transferId);
    }

    /** The transfer if it is the calling member's; 404 otherwise. */
    private Transfer own(String transferId, Caller caller) {
        return transfers.findById(transferId).filter(found -> found.memberId().equals(caller.memberId()))
                .orElseThrow(() -> new ResourceNotFoundException("Transfer", transferId));
    }
}
