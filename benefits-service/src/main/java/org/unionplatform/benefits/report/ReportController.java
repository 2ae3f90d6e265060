package org.unionplatform.benefits.report;

import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.benefits.program.Programs;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.security.Caller;

@RestController
@PreAuthorize("hasAnyRole('ADMIN','BENEFIT_OFFICER')")
class ReportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Reports reports;
    private final Programs programs;
    private final AuditTrail audit;

    ReportController(Reports reports, Programs programs, AuditTrail audit) {
        this.reports = reports;
        this.programs = programs;
        this.audit = audit;
    }

    @GetMapping("/api/benefits/programs/{id}/report")
    Reports.ProgramReport program(@PathVariable String id, Caller caller) {
        return reports.program(programs.require(id, caller), caller);
    }

    @GetMapping("/api/benefits/reports/organizations")
    List<Reports.Line> organizations(Caller caller) {
        return reports.organizations(caller);
    }

    @GetMapping("/api/benefits/reports/programs.xlsx")
    ResponseEntity<byte[]> export(Caller caller) {
        byte[] workbook = ProgramWorkbook.write(reports.programs(caller), reports.organizations(caller));
        audit.record("BENEFITS_EXPORTED", "report:programs.xlsx", AuditOutcome.SUCCESS,
                Map.of("bytes", String.valueOf(workbook.length)));
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("benefit-programs.xlsx").build().toString())
                .body(workbook);
    }
}
