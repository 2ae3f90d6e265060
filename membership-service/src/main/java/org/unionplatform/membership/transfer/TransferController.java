package org.unionplatform.membership.transfer;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.MemberRepository;
import org.unionplatform.membership.organization.KnownOrganizations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Transfers: either side's organizer asks, the receiving side's organizer accepts (a request made by the
 * receiving side is accepted at once). The member's document changes first, carrying membership.transferred in
 * its outbox; the transfer id in the member's history makes a repeated acceptance change nothing.
 */
@RestController
@RequestMapping("/api/members")
@Validated
class TransferController {

    private final MongoOperations mongo;
    private final MemberRepository members;
    private final KnownOrganizations organizations;
    private final Clock clock;

    TransferController(MongoOperations mongo, MemberRepository members, KnownOrganizations organizations, Clock clock) {
        this.mongo = mongo;
        this.members = members;
        this.organizations = organizations;
        this.clock = clock;
    }

    record TransferRequest(@NotBlank @Size(max = 100) String toOrganizationId, @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/{memberId}/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    TransferView request(@PathVariable String memberId, @Valid @RequestBody TransferRequest request, Caller caller) {
        var scope = AccessScope.of(caller);
        scope.requireAnyRole(Role.ORGANIZER, Role.ADMIN);
        var destination = organizations.require(request.toOrganizationId());
        boolean receivingSide = scope.coversOrgPath(destination.orgPath());
        Member member = members.findById(memberId)
                .filter(found -> receivingSide || scope.coversOrgPath(found.orgPath()))
                .orElseThrow(() -> new ResourceNotFoundException("Member", memberId));
        if (member.organizationId().equals(destination.id())) {
            throw new ConflictException("The member already belongs to " + destination.id() + ".");
        }
        var transfer = mongo.insert(new Transfer(UUID.randomUUID().toString(), memberId, member.organizationId(),
                member.orgPath(), destination.id(), destination.name(), destination.orgPath(),
                request.reason().strip(), caller.subject(), clock.instant(), Transfer.Status.REQUESTED, null, null,
                null, null));
        return TransferView.of(receivingSide ? accept(transfer, caller) : transfer);
    }

    @PostMapping("/transfers/{transferId}/acceptance")
    TransferView accept(@PathVariable String transferId, Caller caller) {
        return TransferView.of(accept(receivingSide(transferId, caller), caller));
    }

    record DeclineRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/transfers/{transferId}/decline")
    TransferView decline(@PathVariable String transferId, @Valid @RequestBody DeclineRequest request, Caller caller) {
        Transfer transfer = requireOpen(receivingSide(transferId, caller));
        var declined = transfer.declined(caller.subject(), clock.instant(), request.reason().strip());
        return TransferView.of(mongo.save(declined));
    }

    /** Transfers into or out of the caller's subtree, newest first. */
    @GetMapping("/transfers")
    PageResponse<TransferView> list(@Valid PageQuery paging, Caller caller) {
        var scope = AccessScope.of(caller);
        scope.requireAnyRole(Role.ORGANIZER, Role.ADMIN);
        var query = Query.query(new Criteria().orOperator(scope.subtree("fromOrgPath"), scope.subtree("toOrgPath")));
        var pageable = paging.toPageRequest(Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.asc("_id")));
        long total = mongo.count(query, Transfer.class);
        List<Transfer> items = mongo.find(Query.of(query).with(pageable), Transfer.class);
        return PageResponse.of(new PageImpl<>(items, pageable, total), TransferView::of);
    }

    private Transfer accept(Transfer transfer, Caller caller) {
        requireOpen(transfer);
        Member member = members.findById(transfer.memberId())
                .orElseThrow(() -> new ResourceNotFoundException("Member", transfer.memberId()));
        var destination = organizations.require(transfer.toOrganizationId());
        if (member.transferTo(transfer.id(), destination.asUnion(), clock.instant())) {
            members.save(member);
        }
        return mongo.save(transfer.accepted(caller.subject(), clock.instant()));
    }

    private Transfer receivingSide(String transferId, Caller caller) {
        var scope = AccessScope.of(caller);
        scope.requireAnyRole(Role.ORGANIZER, Role.ADMIN);
        return scope.requireInSubtree(Optional.ofNullable(mongo.findOne(Query.query(where("_id").is(transferId)),
                Transfer.class)), Transfer::toOrgPath, "Transfer", transferId);
    }

    private static Transfer requireOpen(Transfer transfer) {
        if (transfer.status() != Transfer.Status.REQUESTED) {
            throw new ConflictException("Transfer " + transfer.id() + " is already " + transfer.status() + ".");
        }
        return transfer;
    }
}
