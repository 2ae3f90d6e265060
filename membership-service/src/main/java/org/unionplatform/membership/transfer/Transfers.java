package org.unionplatform.membership.transfer;

import java.time.Clock;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.MemberRepository;
import org.unionplatform.membership.organization.KnownOrganizations;

/**
 * Transfers: either side's organizer asks, the receiving side's organizer accepts (a request made by the
 * receiving side is accepted at once). The member's document changes first, carrying membership.transferred in
 * its outbox; the transfer id in the member's history makes a repeated acceptance change nothing.
 */
@Service
class Transfers {

    private final TransferRepository transfers;
    private final MongoOperations mongo;
    private final MemberRepository members;
    private final KnownOrganizations organizations;
    private final Clock clock;

    Transfers(TransferRepository transfers, MongoOperations mongo, MemberRepository members,
            KnownOrganizations organizations, Clock clock) {
        this.transfers = transfers;
        this.mongo = mongo;
        this.members = members;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** Either side may ask; 404 for a member on neither side of the caller's reach. */
    Transfer request(String memberId, String toOrganizationId, String reason, Caller caller) {
        var scope = AccessScope.of(caller);
        var destination = organizations.require(toOrganizationId);
        boolean receivingSide = scope.coversOrgPath(destination.orgPath());
        Member member = members.findById(memberId)
                .filter(found -> receivingSide || scope.coversOrgPath(found.orgPath()))
                .orElseThrow(() -> new ResourceNotFoundException("Member", memberId));
        var transfer = transfers.insert(Transfer.request(UUID.randomUUID().toString(), memberId,
                member.organizationId(), member.orgPath(), destination.id(), destination.name(),
                destination.orgPath(), reason, caller.subject(), clock.instant()));
        return receivingSide ? accept(transfer, caller) : transfer;
    }

    Transfer accept(String transferId, Caller caller) {
        return accept(receivingSide(transferId, caller), caller);
    }

    Transfer decline(String transferId, String reason, Caller caller) {
        Transfer transfer = receivingSide(transferId, caller);
        transfer.decline(caller.subject(), clock.instant(), reason);
        return transfers.save(transfer);
    }

    /** Transfers into or out of the caller's subtree. */
    Page<Transfer> list(Pageable pageable, Caller caller) {
        var scope = AccessScope.of(caller);
        var query = Query.query(new Criteria().orOperator(scope.subtree("fromOrgPath"), scope.subtree("toOrgPath")));
        long total = mongo.count(query, Transfer.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), Transfer.class), pageable, total);
    }

    private Transfer accept(Transfer transfer, Caller caller) {
        transfer.requireRequested();
        Member member = members.findById(transfer.memberId())
                .orElseThrow(() -> new ResourceNotFoundException("Member", transfer.memberId()));
        var destination = organizations.require(transfer.toOrganizationId());
        if (member.transferTo(transfer.id(), destination.asUnion(), clock.instant())) {
            members.save(member);
        }
        transfer.accept(caller.subject(), clock.instant());
        return transfers.save(transfer);
    }

    /** The transfer if it leads into the caller's subtree; 404 otherwise. */
    private Transfer receivingSide(String transferId, Caller caller) {
        return AccessScope.of(caller).requireInSubtree(transfers.findById(transferId), Transfer::toOrgPath,
                "Transfer", transferId);
    }
}
