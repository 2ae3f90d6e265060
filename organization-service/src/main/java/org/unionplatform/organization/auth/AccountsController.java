package org.unionplatform.organization.auth;

import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.organization.auth.AccountRequests.AccountResponse;
import org.unionplatform.organization.auth.AccountRequests.ChangeAccess;
import org.unionplatform.organization.auth.AccountRequests.CreateAccount;
import org.unionplatform.organization.auth.AccountRequests.ResetPassword;

/** Staff account administration: an ADMIN, or an ORGANIZER within their subtree (StaffAccounts says what). */
@RestController
@RequestMapping("/api/auth/accounts")
@PreAuthorize("hasAnyRole('ADMIN','ORGANIZER')")
class AccountsController {

    private final StaffAccounts administration;

    AccountsController(StaffAccounts administration) {
        this.administration = administration;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountResponse create(@Valid @RequestBody CreateAccount request, Caller caller) {
        return AccountResponse.of(administration.create(request, caller));
    }

    @GetMapping
    PageResponse<AccountResponse> list(@Valid PageQuery page, Caller caller) {
        return PageResponse.of(administration.list(page.toPageRequest(Sort.by("username")), caller),
                AccountResponse::of);
    }

    @GetMapping("/{id}")
    AccountResponse get(@PathVariable String id, Caller caller) {
        return AccountResponse.of(administration.get(id, caller));
    }

    @PostMapping("/{id}/disable")
    AccountResponse disable(@PathVariable String id, Caller caller) {
        return AccountResponse.of(administration.setEnabled(id, false, caller));
    }

    @PostMapping("/{id}/enable")
    AccountResponse enable(@PathVariable String id, Caller caller) {
        return AccountResponse.of(administration.setEnabled(id, true, caller));
    }

    @PutMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable String id, @Valid @RequestBody ResetPassword request, Caller caller) {
        administration.resetPassword(id, request.password(), caller);
    }

    @PutMapping("/{id}/access")
    AccountResponse changeAccess(@PathVariable String id, @Valid @RequestBody ChangeAccess request, Caller caller) {
        return AccountResponse.of(administration.changeAccess(id, request, caller));
    }
}
