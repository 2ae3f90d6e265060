package org.unionplatform.membership.bulk;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.membership.organization.KnownOrganizations;

@RestController
@RequestMapping("/api/members/bulk-enrolments")
@PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
class BulkEnrolmentController {

    private final BulkEnrolments enrolments;
    private final KnownOrganizations organizations;
    private final AuditTrail audit;

    BulkEnrolmentController(BulkEnrolments enrolments, KnownOrganizations organizations, AuditTrail audit) {
        this.enrolments = enrolments;
        this.organizations = organizations;
        this.audit = audit;
    }

    /** Accepts the file and answers at once (202); the rows are enrolled in the background. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<BulkEnrolmentView> upload(@RequestPart("file") MultipartFile file,
            @RequestParam("organizationId") String organizationId, Caller caller) {
        var union = organizations.requireInScope(caller, organizationId);
        if (file.isEmpty()) {
            throw new BusinessRuleViolationException("bulk-file", "The uploaded file is empty.");
        }
        var enrolment = enrolments.accept(file, union, caller.subject());
        audit.record("BULK_ENROLMENT_UPLOADED", "bulk-enrolment:" + enrolment.id(), AuditOutcome.SUCCESS,
                Map.of("organizationId", organizationId));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, "/api/members/bulk-enrolments/" + enrolment.id())
                .body(enrolment);
    }

    /** Progress: rows done of total, enrolled, already members, rejected. */
    @GetMapping("/{id}")
    BulkEnrolmentView progress(@PathVariable String id, Caller caller) {
        return BulkEnrolmentView.of(enrolments.require(id, caller));
    }

    /** The report as CSV (UTF-8 with a BOM so Excel shows Chinese): line, column, outcome, reason. */
    @GetMapping(value = "/{id}/report", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> report(@PathVariable String id, Caller caller) {
        enrolments.require(id, caller);
        StreamingResponseBody body = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            writer.write("line,column,outcome,reason\r\n");
            try (var chunks = enrolments.report(id)) {
                for (var chunk : (Iterable<BulkReportChunk>) chunks::iterator) {
                    for (var line : chunk.lines()) {
                        writer.write(line.line() + "," + csv(line.column()) + "," + line.kind() + ","
                                + csv(line.reason()) + "\r\n");
                    }
                }
            }
            writer.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bulk-enrolment-" + id + "-report.csv\"")
                .body(body);
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        // Quote always; a leading formula character is neutralised so Excel does not evaluate it.
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
