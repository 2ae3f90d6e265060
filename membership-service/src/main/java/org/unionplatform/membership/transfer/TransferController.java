package org.unionplatform.membership.transfer;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Transfers between unions, for organizers (their reach is checked in {@link Transfers}). */
@RestController
@RequestMapping("/api/members")
@Validated
@PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
class TransferController {

    private final Transfers transfers;

    TransferController(Transfers transfers) {
        this.transfers = transfers;
    }

    record TransferRequest(@NotBlank @Size(max = 100) String toOrganizationId,
            @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/{memberId}/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    TransferView request(@PathVariable String memberId, @Valid @RequestBody TransferRequest request, Caller caller) {
        return TransferView.of(transfers.request(memberId, request.toOrganizationId(), request.reason().strip(),
                caller));
    }

    @PostMapping("/transfers/{transferId}/acceptance")
    TransferView accept(@PathVariable String transferId, Caller caller) {
        return TransferView.of(transfers.accept(transferId, caller));
    }

    record DeclineRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/transfers/{transferId}/decline")
    TransferView decline(@PathVariable String transferId, @Valid @RequestBody DeclineRequest request, Caller caller) {
        return TransferView.of(transfers.decline(transferId, request.reason().strip(), caller));
    }

    /** Transfers into or out of the caller's subtree, newest first. */
    @GetMapping("/transfers")
    PageResponse<TransferView> list(@Valid PageQuery paging, Caller caller) {
        var pageable = paging.toPageRequest(Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.asc("_id")));
        return PageResponse.of(transfers.list(pageable, caller), TransferView::of);
    }
}
