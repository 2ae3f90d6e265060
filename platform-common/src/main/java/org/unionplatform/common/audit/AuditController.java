package org.unionplatform.common.audit;

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
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;

/**
 * A service's audit log, newest first, for ADMIN only, at {@code platform.audit.path} (each service puts it under its
 * own API prefix so the gateway routes it, e.g. {@code /api/members/audit}). There is no write, update or delete path.
 */
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

    @GetMapping("${platform.audit.path}")
    PageResponse<AuditEntry> search(@RequestParam(required = false) @Pattern(regexp = ".{1,128}") String actor,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String action,
            @RequestParam(required = false) @Pattern(regexp = ".{1,256}") String target,
            @RequestParam(required = false) AuditOutcome outcome,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @Valid PageQuery page) {
        var found = audit.search(new AuditQuery(actor, action, target, outcome, from, to),
                page.toPageRequest(Sort.unsorted()));
        return PageResponse.of(found, AuditEntry::of);
    }
}
