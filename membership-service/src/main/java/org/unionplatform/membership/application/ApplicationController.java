package org.unionplatform.membership.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.pii.ResidentIdNumber;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.membership.application.ApplicationViews.ApplicantReceipt;
import org.unionplatform.membership.application.ApplicationViews.ApplicationView;
import org.unionplatform.membership.application.ApplicationViews.ApprovalView;
import org.unionplatform.membership.member.PersonDetails;
import org.unionplatform.membership.member.Workers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/members/applications")
@Validated
class ApplicationController {

    /** What may bring an applicant: a station, an activity or a campaign code (docs/membership.md, "Channels"). */
    static final String CHANNEL = "(station|activity|campaign):[A-Za-z0-9_-]{1,64}";

    private final Applications applications;
    private final Workers workers;
    private final MongoOperations mongo;
    private final ApplicantStatuses statuses;

    ApplicationController(Applications applications, Workers workers, MongoOperations mongo,
            ApplicantStatuses statuses) {
        this.applications = applications;
        this.statuses = statuses;
        this.workers = workers;
        this.mongo = mongo;
    }

    /**
     * Public self-service (rate-limited per IP at the gateway). Always 202 with the same body but for the receipt
     * code, whether the person is new, has an open application or already is a member: the answer must not tell
     * anyone who types a resident ID whether that person is a member. The applicant learns more by
     * {@link ApplicantStatusController} with the receipt code and a code sent to their phone. {@code via}
     * names what brought the applicant; {@code via=station:<id>} (a Drivers' Home's QR code) also sends the
     * application to the union that runs that station.
     */
    @PostMapping
    ResponseEntity<Received> apply(@Valid @RequestBody PersonDetails details,
            @RequestParam(required = false) @Pattern(regexp = CHANNEL) String via) {
        String receiptCode = statuses.applyPublicly(workers.protect(details), residentIdNote(details), via);
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore())
                .body(new Received(receiptCode, "RECEIVED",
                        "Application received. Keep the receipt code: with it and a code sent to your phone you can"
                                + " look up the application's status."));
    }

    record Received(String receiptCode, String status, String message) {
    }

    /** An organizer files an application for a worker (e.g. from a paper form); it is dispatched the same way. */
    @PostMapping("/by-organizer")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    ResponseEntity<ApplicantReceipt> applyForWorker(@Valid @RequestBody PersonDetails details, Caller caller,
            @RequestParam(required = false) @Pattern(regexp = CHANNEL) String via) {
        return answer(applications.submit(workers.protect(details), residentIdNote(details), caller.subject(), via));
    }

    private static String residentIdNote(PersonDetails details) {
        return ResidentIdNumber.parse(details.residentId()).regionNote().orElse(null);
    }

    private static ResponseEntity<ApplicantReceipt> answer(Applications.Submitted submitted) {
        var receipt = ApplicantReceipt.of(submitted);
        if (submitted instanceof Applications.New created) {
            var status = created.application().status() == ApplicationStatus.AWAITING_DISPATCH
                    ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
            return ResponseEntity.status(status).body(receipt);
        }
        return ResponseEntity.ok(receipt);
    }

    /**
     * The caller's queue: applications dispatched to unions in their subtree, and those waiting in the
     * re-assignment queue of a federation in it ({@code status=AWAITING_REASSIGNMENT}); oldest first (stable paging).
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    PageResponse<ApplicationView> queue(@RequestParam(required = false) ApplicationStatus status,
            @RequestParam(required = false) Boolean escalated, @Valid PageQuery paging, Caller caller) {
        var scope = AccessScope.of(caller);
        List<Criteria> conditions = new ArrayList<>(List.of(scope.subtree("orgPath")));
        if (status != null) {
            conditions.add(where("status").is(status));
        }
        if (escalated != null) {
            conditions.add(where("escalatedAt").exists(escalated));
        }
        var pageable = paging.toPageRequest(Sort.by("submittedAt", "_id"));
        Query query = Query.query(new Criteria().andOperator(conditions));
        long total = mongo.count(query, Application.class);
        var items = mongo.find(Query.of(query).with(pageable), Application.class);
        return PageResponse.of(new PageImpl<>(items, pageable, total), ApplicationView::of);
    }

    /**
     * The re-assignment queue of the federations in the caller's subtree: applications no union matched, and
     * applications a union left unhandled too long (escalated; the union may still decide them); oldest first.
     */
    @GetMapping("/reassignments")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    PageResponse<ApplicationView> reassignmentQueue(@Valid PageQuery paging, Caller caller) {
        var scope = AccessScope.of(caller);
        Criteria unmatched = new Criteria().andOperator(where("status").is(ApplicationStatus.AWAITING_REASSIGNMENT),
                scope.subtree("orgPath"));
        Criteria escalated = new Criteria().andOperator(where("status").is(ApplicationStatus.PENDING_APPROVAL),
                where("escalatedAt").exists(true), scope.subtree("escalatedToOrgPath"));
        var pageable = paging.toPageRequest(Sort.by("submittedAt", "_id"));
        Query query = Query.query(new Criteria().orOperator(unmatched, escalated));
        long total = mongo.count(query, Application.class);
        var items = mongo.find(Query.of(query).with(pageable), Application.class);
        return PageResponse.of(new PageImpl<>(items, pageable, total), ApplicationView::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    ApplicationView one(@PathVariable String id, Caller caller) {
        return ApplicationView.of(inScope(id, caller));
    }

    @PostMapping("/{id}/approval")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    ApprovalView approve(@PathVariable String id, Caller caller) {
        var approval = applications.approve(inScope(id, caller), caller.subject());
        return new ApprovalView(id, approval.application().status().name(), approval.member().id(),
                approval.member().cardNumber(), approval.qrTokenShownOnce());
    }

    record ReassignmentRequest(@NotBlank @Size(max = 100) String organizationId,
            @NotBlank @Size(max = 500) String reason) {
    }

    /**
     * A federation's organizer hands an application from its re-assignment queue to a union below; the
     * federation must be in the caller's subtree (404 otherwise, as for anything out of scope).
     */
    @PostMapping("/{id}/reassignment")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    ApplicationView reassign(@PathVariable String id, @Valid @RequestBody ReassignmentRequest request,
            Caller caller) {
        Application application = AccessScope.of(caller).requireInSubtree(
                Optional.ofNullable(mongo.findById(id, Application.class)),
                a -> a.reassignmentQueue().orElse(a.orgPath()), "Application", id);
        return ApplicationView.of(applications.reassign(application, request.organizationId().strip(),
                request.reason().strip(), caller.subject()));
    }

    record RejectionRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/{id}/rejection")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    ApplicationView reject(@PathVariable String id, @Valid @RequestBody RejectionRequest request, Caller caller) {
        return ApplicationView.of(applications.reject(inScope(id, caller), request.reason().strip(), caller.subject()));
    }

    private Application inScope(String id, Caller caller) {
        return AccessScope.of(caller).requireInSubtree(Optional.ofNullable(mongo.findById(id, Application.class)),
                Application::orgPath, "Application", id);
    }
}
