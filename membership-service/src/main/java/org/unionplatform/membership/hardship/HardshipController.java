package org.unionplatform.membership.hardship;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.membership.member.HardshipFile;
import org.unionplatform.membership.member.HardshipReason;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The hardship register: benefit officers (and administrators) of the member's subtree register, review, end and
 * list; the member reads their own status.
 */
@RestController
@RequestMapping("/api/members")
@Validated
class HardshipController {

    private final Hardships hardships;

    HardshipController(Hardships hardships) {
        this.hardships = hardships;
    }

    /**
     * @param evidence  what was seen (medical records, the street committee's certificate...), as notes
     * @param checkedBy who checked the evidence
     * @param reviewOn  the registration holds through this day, unless reviewed before it lapses
     */
    record RegistrationRequest(@NotNull HardshipReason reason, @NotBlank @Size(max = 1000) String evidence,
            @NotBlank @Size(max = 50) String checkedBy, @NotNull LocalDate reviewOn) {
    }

    @PostMapping("/{memberId}/hardship")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('BENEFIT_OFFICER','ADMIN')")
    HardshipView register(@PathVariable String memberId, @Valid @RequestBody RegistrationRequest request,
            Caller caller) {
        var member = hardships.register(memberId, request.reason(), request.evidence().strip(),
                request.checkedBy().strip(), request.reviewOn(), caller);
        return HardshipView.of(member, hardships.today());
    }

    record ReviewRequest(@NotNull LocalDate reviewOn, @NotBlank @Size(max = 1000) String note) {
    }

    /** Reviewed and still in hardship: in force until the new review date. */
    @PostMapping("/{memberId}/hardship/review")
    @PreAuthorize("hasAnyRole('BENEFIT_OFFICER','ADMIN')")
    HardshipView review(@PathVariable String memberId, @Valid @RequestBody ReviewRequest request, Caller caller) {
        var member = hardships.review(memberId, request.reviewOn(), request.note().strip(), caller);
        return HardshipView.of(member, hardships.today());
    }

    /**
     * Corrects a mistyped review date (a step of its own in the history, with the reason); a day already past
     * makes the registration lapse.
     */
    @PostMapping("/{memberId}/hardship/review-date")
    @PreAuthorize("hasAnyRole('BENEFIT_OFFICER','ADMIN')")
    HardshipView correctReviewDate(@PathVariable String memberId, @Valid @RequestBody ReviewRequest request,
            Caller caller) {
        var member = hardships.correctReviewDate(memberId, request.reviewOn(), request.note().strip(), caller);
        return HardshipView.of(member, hardships.today());
    }

    record EndRequest(@NotBlank @Size(max = 1000) String note) {
    }

    /** Reviewed and no longer in hardship. */
    @PostMapping("/{memberId}/hardship/end")
    @PreAuthorize("hasAnyRole('BENEFIT_OFFICER','ADMIN')")
    HardshipView end(@PathVariable String memberId, @Valid @RequestBody EndRequest request, Caller caller) {
        return HardshipView.of(hardships.end(memberId, request.note().strip(), caller), hardships.today());
    }

    @GetMapping("/{memberId}/hardship")
    @PreAuthorize("hasAnyRole('BENEFIT_OFFICER','ADMIN')")
    HardshipView one(@PathVariable String memberId, Caller caller) {
        return HardshipView.of(hardships.one(memberId, caller), hardships.today());
    }

    /** Registrations of one stored status (default REGISTERED) in the caller's subtree, due reviews first. */
    @GetMapping("/hardship")
    @PreAuthorize("hasAnyRole('BENEFIT_OFFICER','ADMIN')")
    PageResponse<HardshipView> list(@RequestParam(defaultValue = "REGISTERED") HardshipFile.Status status,
            @Valid PageQuery paging, Caller caller) {
        var today = hardships.today();
        return PageResponse.of(hardships.list(status, paging.toPageRequest(Hardships.DUE_FIRST), caller),
                member -> HardshipView.of(member, today));
    }

    /** The calling member's own status. */
    @GetMapping("/me/hardship")
    @PreAuthorize("hasRole('MEMBER')")
    HardshipView.Own mine(Caller caller) {
        return HardshipView.Own.of(hardships.own(caller), hardships.today());
    }
}
