package org.unionplatform.organization.dispatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.common.workers.KnownWorkerType;
import org.unionplatform.organization.reference.CreditCode;
import org.unionplatform.organization.reference.DivisionCode;

/**
 * Which grassroots union handles an application (docs/organizations.md): for membership-service (SERVICE token) and
 * for any organizer or administrator. The answer is not scoped: the worker is not yet anyone's member.
 */
@RestController
@RequestMapping("/api/organizations/dispatch")
class DispatchController {

    record DispatchRequest(@Size(max = 50) String platform, @CreditCode String companyCreditCode,
            @NotNull @DivisionCode String divisionCode, @NotNull @KnownWorkerType String workerType) {
    }

    record DispatchResponse(String organizationId, String organizationName, String orgPath, DispatchRule rule) {
    }

    private final Dispatcher dispatcher;

    DispatchController(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('SERVICE','ORGANIZER','ADMIN')")
    DispatchResponse dispatch(@Valid @RequestBody DispatchRequest request) {
        String platform = request.platform() == null || request.platform().isBlank() ? null
                : request.platform().strip();
        return dispatcher.dispatch(platform, request.companyCreditCode(), request.divisionCode(),
                        request.workerType())
                .map(d -> new DispatchResponse(d.organization().id(), d.organization().name(),
                        d.organization().path(), d.rule()))
                .orElseThrow(NoUnionFound::new);
    }

    static final class NoUnionFound extends PlatformProblemException {
        NoUnionFound() {
            super(HttpStatus.NOT_FOUND, "No union found",
                    "No union handles applications for this platform, company, division and worker type.");
            with("rule", "no-matching-union");
        }
    }
}
