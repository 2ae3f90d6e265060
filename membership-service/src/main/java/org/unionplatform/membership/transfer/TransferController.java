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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Transfers between unions: organizers ask, accept or decline (their reach is checked in {@link Transfers}); the
 * member consents or refuses from their own session.
 */
@RestController
@RequestMapping("/api/members")
@Validated
class TransferController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.asc("_id"));

    private final Transfers transfers;

    TransferController(Transfers transfers) {
        this.transfers = transfers;
    }

    /**
     * @param platform     the platform the member works on after the move; omitted: unchanged
     * @param divisionCode where the member works after the move (GB/T 2260); omitted: the receiving union's
     */
    record TransferRequest(@NotBlank @Size(max = 100) String toOrganizationId,
            @NotBlank @Size(max = 500) String reason, @Size(max = 100) String platform,
            @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit division code") String divisionCode) {
    }

    @PostMapping("/{memberId}/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    TransferView request(@PathVariable String memberId, @Valid @RequestBody TransferRequest request, Caller caller) {
        var transfer = transfers.request(memberId, request.toOrganizationId(), blankToNull(request.platform()),
                blankToNull(request.divisionCode()), request.reason().strip(), caller);
        return TransferView.of(transfer, transfers.now());
    }

    @PostMapping("/transfers/{transferId}/acceptance")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    TransferView accept(@PathVariable String transferId, Caller caller) {
        return TransferView.of(transfers.accept(transferId, caller), transfers.now());
    }

    record DeclineRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/transfers/{transferId}/decline")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    TransferView decline(@PathVariable String transferId, @Valid @RequestBody DeclineRequest request, Caller caller) {
        return TransferView.of(transfers.decline(transferId, request.reason().strip(), caller), transfers.now());
    }

    /** Transfers into or out of the caller's subtree, newest first: the sending union sees requests for its members. */
    @GetMapping("/transfers")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    PageResponse<TransferView> list(@Valid PageQuery paging, Caller caller) {
        var now = transfers.now();
        return PageResponse.of(transfers.list(paging.toPageRequest(NEWEST_FIRST), caller),
                transfer -> TransferView.of(transfer, now));
    }

    /** The calling member's transfers, newest first: what waits for their consent. */
    @GetMapping("/me/transfers")
    @PreAuthorize("hasRole('MEMBER')")
    PageResponse<TransferView> mine(@Valid PageQuery paging, Caller caller) {
        var now = transfers.now();
        return PageResponse.of(transfers.mine(paging.toPageRequest(NEWEST_FIRST), caller),
                transfer -> TransferView.forMember(transfer, now));
    }

    @PostMapping("/me/transfers/{transferId}/consent")
    @PreAuthorize("hasRole('MEMBER')")
    TransferView consent(@PathVariable String transferId, Caller caller) {
        return TransferView.forMember(transfers.consent(transferId, caller), transfers.now());
    }

    record RefusalRequest(@Size(max = 500) String reason) {
    }

    @PostMapping("/me/transfers/{transferId}/refusal")
    @PreAuthorize("hasRole('MEMBER')")
    TransferView refuse(@PathVariable String transferId, @Valid @RequestBody RefusalRequest request, Caller caller) {
        return TransferView.forMember(transfers.refuse(transferId, blankToNull(request.reason()), caller),
                transfers.now());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
