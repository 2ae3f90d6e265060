package org.unionplatform.membership.bulk;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ContentDisposition;
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

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/members/bulk-enrolments")
@PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
class BulkEnrolmentController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final BulkEnrolments enrolments;
    private final KnownOrganizations organizations;
    private final AuditTrail audit;
    private final RosterVocabulary vocabulary;
    private final JsonMapper json;

    BulkEnrolmentController(BulkEnrolments enrolments, KnownOrganizations organizations, AuditTrail audit,
            BulkBatchStep batchStep, JsonMapper json) {
        this.enrolments = enrolments;
        this.organizations = organizations;
        this.audit = audit;
        this.vocabulary = batchStep.vocabulary;
        this.json = json;
    }

    /**
     * Accepts the file and answers at once (202); the rows are enrolled in the background. With {@code dryRun=true}
     * every row is read and checked and nobody is enrolled: the progress document then shows the mapping chosen and
     * the report every row's outcome. {@code mapping}: a JSON object, column -> field (or "none"), that overrides
     * what the column names say, for a dry run and a real run alike.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<BulkEnrolmentView> upload(@RequestPart("file") MultipartFile file,
            @RequestParam("organizationId") String organizationId,
            @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun,
            @RequestParam(name = "mapping", required = false) String mapping, Caller caller) {
        var union = organizations.requireInScope(caller, organizationId);
        if (file.isEmpty()) {
            throw new BusinessRuleViolationException("bulk-file", "The uploaded file is empty.");
        }
        var chosen = chosenColumns(mapping);
        var enrolment = enrolments.accept(file, union, caller.subject(), dryRun, chosen);
        audit.record("BULK_ENROLMENT_UPLOADED", "bulk-enrolment:" + enrolment.id(), AuditOutcome.SUCCESS,
                Map.of("organizationId", organizationId, "dryRun", String.valueOf(dryRun)));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, "/api/members/bulk-enrolments/" + enrolment.id())
                .body(enrolment);
    }

    /** The roster template (XLSX): the Chinese headings, a sheet of hints with an example row. */
    @GetMapping(value = "/template", produces = XLSX)
    ResponseEntity<StreamingResponseBody> template() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("工会会员批量入会模板.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(out -> RosterTemplate.write(vocabulary, out));
    }

    /** Progress: rows done of total, enrolled, already members, rejected. */
    @GetMapping("/{id}")
    BulkEnrolmentView progress(@PathVariable String id, Caller caller) {
        return BulkEnrolmentView.of(enrolments.require(id, caller));
    }

    /**
     * The report as CSV (UTF-8 with a BOM so Excel shows Chinese), headings and reasons in Chinese, with the stable
     * codes of the outcome and the reason in the last two columns for programs.
     */
    @GetMapping(value = "/{id}/report", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> report(@PathVariable String id, Caller caller) {
        enrolments.require(id, caller);
        StreamingResponseBody body = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            writer.write("行号,列名,结果,原因,结果代码,原因代码\r\n");
            eachLine(id, line -> writer.write(line.line() + "," + csv(line.column()) + "," + line.kind().label + ","
                    + csv(line.reason()) + "," + line.kind() + "," + csv(line.code()) + "\r\n"));
            writer.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("入会结果-" + id + ".csv", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** The same report as a JSON array, streamed: line, column, outcome, code, reason (Chinese). */
    @GetMapping(value = "/{id}/report-lines", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StreamingResponseBody> reportAsJson(@PathVariable String id, Caller caller) {
        enrolments.require(id, caller);
        StreamingResponseBody body = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('[');
            boolean[] first = {true};
            eachLine(id, line -> {
                writer.write(first[0] ? "" : ",");
                first[0] = false;
                writer.write(json.writeValueAsString(new ReportLine(line.line(), line.column(), line.kind(),
                        line.code(), line.reason())));
            });
            writer.write(']');
            writer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** A line of the JSON report. */
    record ReportLine(long line, String column, BulkReportChunk.Kind outcome, String code, String reason) {
    }

    private interface LineWriter {
        void write(BulkReportChunk.Line line) throws IOException;
    }

    private void eachLine(String id, LineWriter writer) throws IOException {
        try (var chunks = enrolments.report(id)) {
            for (var chunk : (Iterable<BulkReportChunk>) chunks::iterator) {
                for (var line : chunk.lines()) {
                    writer.write(line);
                }
            }
        }
    }

    /** The organizer's mapping, column -> field; 422 when it is not a JSON object of known fields. */
    private Map<String, String> chosenColumns(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return Map.of();
        }
        Map<String, String> chosen;
        try {
            chosen = json.readValue(mapping, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JacksonException e) {
            throw new BusinessRuleViolationException("bulk-mapping",
                    "mapping must be a JSON object: column name -> field name, e.g. {\"证件号码\":\"residentId\"}.");
        }
        Columns.problemWith(chosen).ifPresent(problem -> {
            throw new BusinessRuleViolationException("bulk-mapping", problem);
        });
        return chosen;
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
