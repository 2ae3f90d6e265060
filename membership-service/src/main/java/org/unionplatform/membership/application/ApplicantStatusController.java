package org.unionplatform.membership.application;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.membership.application.ApplicantStatuses.StatusView;
import org.unionplatform.membership.signin.OneTimeCodes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Public: the applicant's status, for whoever holds the receipt code and the phone given with the application.
 * Ask for a code with the receipt code (always the same 202), then trade both for the status.
 */
@RestController
@RequestMapping("/api/members/applications/status")
class ApplicantStatusController {

    private final ApplicantStatuses statuses;
    private final OneTimeCodes codes;

    ApplicantStatusController(ApplicantStatuses statuses, OneTimeCodes codes) {
        this.statuses = statuses;
        this.codes = codes;
    }

    record CodeRequest(@NotBlank @Size(max = 40) String receiptCode) {
    }

    record StatusRequest(@NotBlank @Size(max = 40) String receiptCode,
            @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") String code) {
    }

    record CodeRequested(String message, long codeValidForSeconds, long nextCodeAfterSeconds) {
    }

    @PostMapping("/codes")
    ResponseEntity<CodeRequested> requestCode(@Valid @RequestBody CodeRequest request) {
        statuses.requestCode(request.receiptCode());
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore()).body(new CodeRequested(
                "If this receipt code is known, a code has been sent to the phone given with the application.",
                codes.codeValidForSeconds(), codes.nextCodeAfterSeconds()));
    }

    @PostMapping
    ResponseEntity<StatusView> status(@Valid @RequestBody StatusRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(statuses.status(request.receiptCode(), request.code()));
    }
}
