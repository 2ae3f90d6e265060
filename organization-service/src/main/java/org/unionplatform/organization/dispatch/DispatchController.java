package org.unionplatform.organization.dispatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.common.workers.KnownWorkerType;
import org.unionplatform.common.reference.CreditCode;
import org.unionplatform.common.reference.KnownDivision;

/**
 * Where an application goes (docs/organizations.md): a union that admits, or a federation's re-assignment queue
 * (rule REASSIGNMENT); for membership-service (SERVICE token) and for any organizer or administrator. The answer is
 * not scoped: the worker is not yet anyone's member. Invalid details (a credit code with a wrong check character,
 * an unknown place) answer 400: membership-service takes that as final, not as a failure to retry.
 */
@RestController
@RequestMapping("/api/organizations/dispatch")
class DispatchController {

    /** @param stationId the station the worker joined at (a Drivers' Home), optional */
    record DispatchRequest(@Pattern(regexp = "[A-Za-z0-9-]{1,64}") String stationId,
            @Size(max = 60) String platform, @CreditCode String companyCreditCode,
            @NotNull @KnownDivision String divisionCode, @NotNull @KnownWorkerType String workerType) {
    }

    /** @param reason why this organisation, in Chinese, for the application's record */
    record DispatchResponse(String organizationId, String organizationName, String orgPath, DispatchRule rule,
            String reason) {
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
        return dispatcher.dispatch(request.stationId(), platform, request.companyCreditCode(), request.divisionCode(),
                        request.workerType())
                .map(d -> new DispatchResponse(d.organization().id(), d.organization().name(),
                        d.organization().path(), d.rule(), d.reason()))
                .orElseThrow(NoUnionFound::new);
    }

    static final class NoUnionFound extends PlatformProblemException {
        NoUnionFound() {
            super(HttpStatus.NOT_FOUND, "No union found",
                    "No union or federation of this place is in the tree.");
            with("rule", "no-matching-union");
        }
    }
}
