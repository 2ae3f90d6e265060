package org.unionplatform.membership.help;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.unionplatform.common.pii.MobilePhone;
import org.unionplatform.common.pii.MobilePhoneNumber;
import org.unionplatform.common.reference.KnownDivision;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.common.workers.KnownWorkerType;
import org.unionplatform.membership.help.HelpCaseViews.WorkerView;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The worker's side of help cases. Public at the edge: a member calls with their own token; anyone else proves
 * their phone with a code ({@code /codes}, {@code /sessions}) and sends the session in the {@value HelpSessions#HEADER}
 * header. Without either: 401. Someone else's case is 404.
 */
@RestController
@RequestMapping("/api/members/help")
@Validated
class MyHelpCaseController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("openedAt"), Sort.Order.asc("_id"));

    private final HelpCases cases;
    private final HelpSessions sessions;

    MyHelpCaseController(HelpCases cases, HelpSessions sessions) {
        this.cases = cases;
        this.sessions = sessions;
    }

    record CodeRequest(@NotNull @MobilePhone String phone) {
    }

    record CodeRequested(String message) {
    }

    @PostMapping("/codes")
    ResponseEntity<CodeRequested> requestCode(@Valid @RequestBody CodeRequest request) {
        sessions.requestCode(request.phone());
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore())
                .body(new CodeRequested("A code has been sent to this phone."));
    }

    record SessionRequest(@NotNull @MobilePhone String phone,
            @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") String code) {
    }

    @PostMapping("/sessions")
    ResponseEntity<HelpSessions.Started> startSession(@Valid @RequestBody SessionRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(sessions.start(request.phone(), request.code()));
    }

    /**
     * @param workerType   and {@code divisionCode}: where and as what the worker works; needed when not a member
     * @param contactPhone how to reach them; a member's phone on record when omitted
     */
    record FilingRequest(@NotNull CaseKind kind, @NotBlank @Size(max = 100) String company,
            @Size(max = 60) String platform, @KnownWorkerType String workerType, @KnownDivision String divisionCode,
            @NotBlank @Size(max = 4000) String description, @Size(max = 40) String contactName,
            @MobilePhone String contactPhone, @Size(max = 200) String howToReach) {
    }

    @PostMapping("/my-cases")
    @ResponseStatus(HttpStatus.CREATED)
    WorkerView file(@Valid @RequestBody FilingRequest request,
            @RequestHeader(name = HelpSessions.HEADER, required = false) String session) {
        var filing = new HelpCases.Filing(request.kind(), request.company().strip(), blankToNull(request.platform()),
                blankToNull(request.workerType()), blankToNull(request.divisionCode()), request.description().strip(),
                blankToNull(request.contactName()), request.contactPhone() == null || request.contactPhone().isBlank()
                        ? null : MobilePhoneNumber.parse(request.contactPhone()).value(),
                blankToNull(request.howToReach()));
        return WorkerView.of(cases.file(filing, seeker(session)));
    }

    @GetMapping("/my-cases")
    PageResponse<WorkerView> mine(@Valid PageQuery paging,
            @RequestHeader(name = HelpSessions.HEADER, required = false) String session) {
        return PageResponse.of(cases.mine(seeker(session), paging.toPageRequest(NEWEST_FIRST)), WorkerView::of);
    }

    @GetMapping("/my-cases/{caseId}")
    WorkerView one(@PathVariable String caseId,
            @RequestHeader(name = HelpSessions.HEADER, required = false) String session) {
        return WorkerView.of(cases.own(caseId, seeker(session)));
    }

    record InformationRequest(@NotBlank @Size(max = 4000) String text) {
    }

    @PostMapping("/my-cases/{caseId}/information")
    WorkerView addInformation(@PathVariable String caseId, @Valid @RequestBody InformationRequest request,
            @RequestHeader(name = HelpSessions.HEADER, required = false) String session) {
        return WorkerView.of(cases.addInformation(caseId, request.text().strip(), seeker(session)));
    }

    @PostMapping("/my-cases/{caseId}/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    WorkerView attach(@PathVariable String caseId, @RequestParam("file") MultipartFile file,
            @RequestHeader(name = HelpSessions.HEADER, required = false) String session) {
        Seeker seeker = seeker(session);
        try {
            return WorkerView.of(cases.attachByWorker(caseId, file.getOriginalFilename(), file.getInputStream(),
                    seeker));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/my-cases/{caseId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable String caseId, @PathVariable String attachmentId,
            @RequestHeader(name = HelpSessions.HEADER, required = false) String session) {
        return HelpCaseController.file(cases.attachmentForWorker(caseId, attachmentId, seeker(session)));
    }

    record WithdrawalRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/my-cases/{caseId}/withdrawal")
    WorkerView withdraw(@PathVariable String caseId, @Valid @RequestBody WithdrawalRequest request,
            @RequestHeader(name = HelpSessions.HEADER, required = false) String session) {
        return WorkerView.of(cases.withdraw(caseId, request.reason().strip(), seeker(session)));
    }

    /** A member's own token, else a live help session; 401 without either. */
    private Seeker seeker(String session) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken) {
            Caller caller = Caller.current();
            if (caller.has(Role.MEMBER) && caller.memberId() != null) {
                return cases.memberSeeker(caller.memberId());
            }
        }
        return sessions.verified(session)
                .map(phone -> new Seeker(null, phone.phoneHash(), "phone:" + phone.phoneMasked()))
                .orElseThrow(HelpSessionRequiredException::new);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** 401: neither a member's token nor a live help session. */
    static final class HelpSessionRequiredException extends PlatformProblemException {
        HelpSessionRequiredException() {
            super(HttpStatus.UNAUTHORIZED, "Sign-in needed",
                    "Sign in as a member, or confirm your phone with a code, to see or add to your help cases.");
        }
    }
}
