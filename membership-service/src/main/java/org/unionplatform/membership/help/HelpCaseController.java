package org.unionplatform.membership.help;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.unionplatform.membership.help.HelpCaseViews.HandlerView;
import org.unionplatform.membership.help.HelpCaseViews.Summary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The handlers' side of help cases: organizers of the union responsible and of the federations above it (their
 * subtree; 404 outside it), and ADMIN. The queue, the case, its steps in order, meetings, internal notes, the
 * referral to legal aid and the closing.
 */
@RestController
@RequestMapping("/api/members/help/cases")
@PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
@Validated
class HelpCaseController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("openedAt"), Sort.Order.asc("_id"));
    private static final Sort LATEST_ESCALATED_FIRST = Sort.by(Sort.Order.desc("escalatedAt"), Sort.Order.asc("_id"));

    private final HelpCases cases;

    HelpCaseController(HelpCases cases) {
        this.cases = cases;
    }

    /** @param escalated true: the cases escalated to a federation in the caller's subtree, latest first */
    @GetMapping
    PageResponse<Summary> list(@RequestParam(required = false) CaseStatus status,
            @RequestParam(defaultValue = "false") boolean escalated, @Valid PageQuery paging, Caller caller) {
        Instant now = cases.now();
        return PageResponse.of(cases.list(caller, status, escalated,
                paging.toPageRequest(escalated ? LATEST_ESCALATED_FIRST : NEWEST_FIRST)), c -> Summary.of(c, now));
    }

    @GetMapping("/{caseId}")
    HandlerView one(@PathVariable String caseId, Caller caller) {
        return HandlerView.of(cases.inScope(caseId, caller), cases.now());
    }

    @PostMapping("/{caseId}/acceptance")
    HandlerView accept(@PathVariable String caseId, Caller caller) {
        return HandlerView.of(cases.accept(caseId, caller), cases.now());
    }

    record StepRequest(@Size(max = 1000) String note) {
    }

    @PostMapping("/{caseId}/investigation")
    HandlerView investigate(@PathVariable String caseId, @Valid @RequestBody(required = false) StepRequest request,
            Caller caller) {
        return HandlerView.of(cases.investigate(caseId, note(request), caller), cases.now());
    }

    @PostMapping("/{caseId}/mediation")
    HandlerView mediate(@PathVariable String caseId, @Valid @RequestBody(required = false) StepRequest request,
            Caller caller) {
        return HandlerView.of(cases.mediate(caseId, note(request), caller), cases.now());
    }

    record MeetingRequest(@NotNull Instant heldAt, @NotBlank @Size(max = 200) String counterparty,
            @NotBlank @Size(max = 2000) String outcome) {
    }

    @PostMapping("/{caseId}/meetings")
    @ResponseStatus(HttpStatus.CREATED)
    HandlerView meeting(@PathVariable String caseId, @Valid @RequestBody MeetingRequest request, Caller caller) {
        return HandlerView.of(cases.recordMeeting(caseId, request.heldAt(), request.counterparty().strip(),
                request.outcome().strip(), caller), cases.now());
    }

    record NoteRequest(@NotBlank @Size(max = 2000) String text) {
    }

    @PostMapping("/{caseId}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    HandlerView note(@PathVariable String caseId, @Valid @RequestBody NoteRequest request, Caller caller) {
        return HandlerView.of(cases.addNote(caseId, request.text().strip(), caller), cases.now());
    }

    /** @param amountRecoveredFen money recovered for the worker, in fen (0 when none or not money) */
    record ClosingRequest(@NotNull CaseOutcome outcome, @Min(0) @Max(100_000_000_00L) long amountRecoveredFen,
            @NotBlank @Size(max = 2000) String summary) {
    }

    @PostMapping("/{caseId}/closing")
    HandlerView close(@PathVariable String caseId, @Valid @RequestBody ClosingRequest request, Caller caller) {
        return HandlerView.of(cases.close(caseId, request.outcome(), request.amountRecoveredFen(),
                request.summary().strip(), caller), cases.now());
    }

    record ReferralRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/{caseId}/referral")
    HandlerView refer(@PathVariable String caseId, @Valid @RequestBody ReferralRequest request, Caller caller) {
        return HandlerView.of(cases.referToLegalAid(caseId, request.reason().strip(), caller), cases.now());
    }

    /** The worker's phone in full, to call them back; every read is in the audit log. */
    @GetMapping("/{caseId}/contact")
    ResponseEntity<Map<String, String>> contact(@PathVariable String caseId, Caller caller) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("phone", cases.contactPhone(caseId, caller)));
    }

    @GetMapping("/{caseId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable String caseId, @PathVariable String attachmentId,
            Caller caller) {
        return file(cases.attachmentForHandler(caseId, attachmentId, caller));
    }

    /** A stored file as a download of the type its bytes are, never cached. */
    static ResponseEntity<byte[]> file(Attachments.Content content) {
        String encoded = URLEncoder.encode(content.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.contentType()))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"file\"; filename*=UTF-8''" + encoded)
                .body(content.bytes());
    }

    private static String note(StepRequest request) {
        return request == null || request.note() == null || request.note().isBlank() ? null : request.note().strip();
    }
}
