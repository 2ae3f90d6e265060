package org.unionplatform.membership.member;

import java.time.LocalDate;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.membership.member.MemberViews.CardHolder;
import org.unionplatform.membership.member.MemberViews.Counts;
import org.unionplatform.membership.member.MemberViews.DivisionCounts;
import org.unionplatform.membership.member.MemberViews.Eligibility;
import org.unionplatform.membership.member.MemberViews.MemberSummary;
import org.unionplatform.membership.member.MemberViews.MemberView;
import org.unionplatform.membership.member.MemberViews.PersonalData;
import org.unionplatform.membership.member.MemberViews.QrToken;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The member endpoints; the roles are declared here, the reach of each caller is {@link Members}'. */
@RestController
@RequestMapping("/api/members")
@Validated
class MemberController {

    /** Newest first, then by id: a stable order, so pages neither skip nor repeat members. */
    private static final Sort STABLE_ORDER = Sort.by(Sort.Order.desc("joinedAt"), Sort.Order.asc("_id"));

    private final Members members;

    MemberController(Members members) {
        this.members = members;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ORGANIZER','BENEFIT_OFFICER','ADMIN')")
    PageResponse<MemberSummary> list(@RequestParam(required = false) String workerType,
            @RequestParam(required = false) MemberStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedTo,
            @RequestParam(required = false) String platform, @RequestParam(required = false) String name,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String organizationId,
            @RequestParam(required = false) @Size(max = 32) String cardNumber, @Valid PageQuery paging,
            Caller caller) {
        var search = new MemberSearch(workerType, status, joinedFrom, joinedTo, platform, name, phone, organizationId,
                cardNumber);
        return PageResponse.of(members.list(search, paging.toPageRequest(STABLE_ORDER), caller), MemberSummary::of);
    }

    /** Members in the caller's subtree counted by worker type and status (same filters as the list). */
    @GetMapping("/counts")
    @PreAuthorize("hasAnyRole('ORGANIZER','BENEFIT_OFFICER','ADMIN')")
    Counts counts(@RequestParam(required = false) String workerType,
            @RequestParam(required = false) MemberStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedTo,
            @RequestParam(required = false) String platform, @RequestParam(required = false) String organizationId,
            Caller caller) {
        return members.counts(new MemberSearch(workerType, status, joinedFrom, joinedTo, platform, null, null,
                organizationId, null), caller);
    }

    /** Active members under an organisation of the caller's scope, by the county-level division they work in. */
    @GetMapping("/counts/by-division")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    DivisionCounts countsByDivision(@RequestParam @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String organizationId,
            Caller caller) {
        return members.byDivision(organizationId, caller);
    }

    /** A member's own record. */
    @GetMapping("/me")
    @PreAuthorize("hasRole('MEMBER')")
    MemberView me(Caller caller) {
        return MemberView.of(members.own(caller));
    }

    /** A fresh QR token for the member's own card; the previous one stops working. Shown once. */
    @PostMapping("/me/qr-token")
    @PreAuthorize("hasRole('MEMBER')")
    QrToken newQrToken(Caller caller) {
        var issued = members.replaceQrToken(caller);
        return new QrToken(caller.memberId(), issued.token());
    }

    @GetMapping("/{memberId}")
    @PreAuthorize("hasAnyRole('MEMBER','ORGANIZER','BENEFIT_OFFICER','ADMIN')")
    MemberView one(@PathVariable String memberId, Caller caller) {
        return MemberView.of(members.one(memberId, caller));
    }

    /** The full resident ID and phone, for an organizer who must contact the member; every read is audited. */
    @GetMapping("/{memberId}/personal-data")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    PersonalData personalData(@PathVariable String memberId, Caller caller) {
        var revealed = members.personalData(memberId, caller);
        return new PersonalData(memberId, revealed.residentId(), revealed.phone());
    }

    /** benefits-service asks; a benefit officer may ask about members in their subtree. */
    @GetMapping("/{memberId}/eligibility")
    @PreAuthorize("hasAnyRole('SERVICE','BENEFIT_OFFICER','ADMIN')")
    Eligibility eligibility(@PathVariable String memberId, Caller caller) {
        return Eligibility.of(members.forEligibility(memberId, caller), members.today());
    }

    record CardVerificationRequest(@Size(max = 32) String cardNumber, @Size(max = 128) String qrToken,
            @Pattern(regexp = "[0-9a-f]{64}") String qrTokenHash) {
    }

    /**
     * Whose card or QR code this is: station-service and the attendant's page ask about any member; the officer's
     * desk (a scanned e-card) about members of the officer's subtree.
     */
    @PostMapping("/card-verifications")
    @PreAuthorize("hasAnyRole('SERVICE','STATION_ATTENDANT','BENEFIT_OFFICER','ADMIN')")
    CardHolder verifyCard(@Valid @RequestBody CardVerificationRequest request, Caller caller) {
        return CardHolder.of(members.holderOf(request.cardNumber(), request.qrToken(), request.qrTokenHash(), caller));
    }

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/{memberId}/suspension")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    MemberView suspend(@PathVariable String memberId, @Valid @RequestBody ReasonRequest request, Caller caller) {
        return MemberView.of(members.suspend(memberId, request.reason().strip(), caller));
    }

    @PostMapping("/{memberId}/reinstatement")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    MemberView reinstate(@PathVariable String memberId, @Valid @RequestBody ReasonRequest request, Caller caller) {
        return MemberView.of(members.reinstate(memberId, request.reason().strip(), caller));
    }

    /** The member admitted again, with their new QR token (shown once). */
    record Readmitted(MemberView member, String qrToken) {
    }

    /** An organizer in scope of the union a member withdrew from admits them again (docs/membership.md). */
    @PostMapping("/{memberId}/readmission")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    Readmitted readmit(@PathVariable String memberId, @Valid @RequestBody ReasonRequest request, Caller caller) {
        var enrolled = members.readmit(memberId, request.reason().strip(), caller);
        return new Readmitted(MemberView.of(enrolled.member()), enrolled.qrTokenShownOnce());
    }

    /** An organizer in scope records a withdrawal; a member may withdraw themselves. */
    @PostMapping("/{memberId}/withdrawal")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN','MEMBER')")
    MemberView withdraw(@PathVariable String memberId, @Valid @RequestBody ReasonRequest request, Caller caller) {
        return MemberView.of(members.withdraw(memberId, request.reason().strip(), caller));
    }
}
