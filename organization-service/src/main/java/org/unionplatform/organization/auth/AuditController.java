package org.unionplatform.organization.auth;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditQuery;
import org.unionplatform.common.audit.AuditRecord;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;

/** The audit log, newest first, for ADMIN. */
@RestController
@Validated
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    record AuditEntry(String id, Instant at, String actor, String action, String target, String requestId,
            AuditOutcome outcome, Map<String, String> details) {

        static AuditEntry of(AuditRecord record) {
            return new AuditEntry(record.id(), record.at(), record.actor(), record.action(), record.target(),
                    record.requestId(), record.outcome(), record.details());
        }
    }

    @GetMapping("/api/auth/audit")
    PageResponse<AuditEntry> search(@RequestParam(required = false) @Pattern(regexp = ".{1,128}") String actor,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,64}") String action,
            @RequestParam(required = false) @Pattern(regexp = ".{1,256}") String target,
            @RequestParam(required = false) AuditOutcome outcome,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @Valid PageQuery page) {
        var found = audit.search(new AuditQuery(actor, action, target, outcome, from, to),
                page.toPageRequest(Sort.unsorted()));
        return PageResponse.of(found, AuditEntry::of);
    }
}
