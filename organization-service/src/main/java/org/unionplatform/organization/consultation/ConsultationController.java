package org.unionplatform.organization.consultation;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
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
import org.unionplatform.organization.consultation.ConsultationRequests.GiveOpinion;
import org.unionplatform.organization.consultation.ConsultationRequests.MarkDone;
import org.unionplatform.organization.consultation.ConsultationRequests.PlanRound;
import org.unionplatform.organization.consultation.ConsultationRequests.RecordOutcome;
import org.unionplatform.organization.consultation.ConsultationViews.OpenRound;
import org.unionplatform.organization.consultation.ConsultationViews.OpinionReceipt;
import org.unionplatform.organization.consultation.ConsultationViews.OpinionView;
import org.unionplatform.organization.consultation.ConsultationViews.RoundView;
import org.unionplatform.organization.tree.OrganizationRequests;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

/**
 * Consultation rounds: organizers and administrators of the leading union's subtree plan, read and record them;
 * the open rounds and the opinion form are public (a worker need not be a member; the gateway rate-limits the post).
 */
@RestController
@RequestMapping("/api/organizations/consultations")
@Validated
class ConsultationController {

    private static final String STAFF = "hasAnyRole('ADMIN','ORGANIZER')";

    private final Consultations consultations;

    ConsultationController(Consultations consultations) {
        this.consultations = consultations;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(STAFF)
    RoundView plan(@Valid @RequestBody PlanRound request, Caller caller) {
        return view(consultations.plan(request, caller));
    }

    @GetMapping
    @PreAuthorize(STAFF)
    PageResponse<RoundView> list(@RequestParam(required = false) Consultation.Status status, @Valid PageQuery page,
            Caller caller) {
        return PageResponse.of(consultations.list(status, page.toPageRequest(Consultations.NEWEST_FIRST), caller),
                this::view);
    }

    /** Rounds still taking workers' opinions (public: the phone page shows them to any worker). */
    @GetMapping("/open")
    List<OpenRound> open() {
        return consultations.open().stream().map(OpenRound::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    RoundView get(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id, Caller caller) {
        return view(consultations.get(id, caller));
    }

    @GetMapping("/{id}/opinions")
    @PreAuthorize(STAFF)
    PageResponse<OpinionView> opinions(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid PageQuery page, Caller caller) {
        return PageResponse.of(consultations.opinions(id, page.toPageRequest(
                Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.asc("_id"))), caller), OpinionView::of);
    }

    /** A worker's opinion, signed in as a member or not (public). */
    @PostMapping("/{id}/opinions")
    @ResponseStatus(HttpStatus.CREATED)
    OpinionReceipt giveOpinion(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid @RequestBody GiveOpinion request) {
        var opinion = consultations.giveOpinion(id, request, signedIn());
        return new OpinionReceipt(opinion.id(), opinion.consultationId(), opinion.topic(), opinion.anonymous(),
                opinion.submittedAt());
    }

    @PostMapping("/{id}/outcome")
    @PreAuthorize(STAFF)
    RoundView recordOutcome(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @Valid @RequestBody RecordOutcome request, Caller caller) {
        return view(consultations.recordOutcome(id, request, caller));
    }

    @PostMapping("/{id}/follow-ups/{followUpId}/done")
    @PreAuthorize(STAFF)
    RoundView markDone(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @PathVariable @Pattern(regexp = OrganizationRequests.ID) String followUpId,
            @Valid @RequestBody MarkDone request, Caller caller) {
        return view(consultations.markDone(id, followUpId, request.note(), caller));
    }

    private RoundView view(Consultation round) {
        return RoundView.of(round, consultations.today(), consultations.opinionsByTopic(round));
    }

    /** The caller when the request carries a valid token; null for an anonymous worker. */
    private static Caller signedIn() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken
                ? Caller.current() : null;
    }
}
