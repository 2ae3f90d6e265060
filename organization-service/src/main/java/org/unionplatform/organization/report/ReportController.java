package org.unionplatform.organization.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationRepository;
import org.unionplatform.organization.tree.OrganizationRequests;

/**
 * The monthly report of a subtree, as JSON and as an XLSX download. ADMIN, and ORGANIZER / BENEFIT_OFFICER
 * in their subtree. Without {@code year}/{@code month}: the current month in Beijing time.
 */
@RestController
@RequestMapping("/api/organizations/{id}/reports/monthly")
class ReportController {

    private static final String READERS = "hasAnyRole('ADMIN','ORGANIZER','BENEFIT_OFFICER')";

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MonthlyReports reports;
    private final OrganizationRepository organizations;
    private final Clock clock;

    ReportController(MonthlyReports reports, OrganizationRepository organizations, Clock clock) {
        this.reports = reports;
        this.organizations = organizations;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(READERS)
    MonthlyReport json(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @RequestParam(required = false) @Min(1) @Max(12) Integer month, Caller caller) {
        return report(id, year, month, caller);
    }

    @GetMapping("/xlsx")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> xlsx(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @RequestParam(required = false) @Min(1) @Max(12) Integer month, Caller caller) {
        MonthlyReport report = report(id, year, month, caller);
        String asciiName = "monthly-report-" + report.year() + "-" + String.format("%02d", report.month()) + ".xlsx";
        String utf8Name = URLEncoder.encode(MonthlyReportWorkbook.fileName(report), StandardCharsets.UTF_8)
                .replace("+", "%20");
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + utf8Name)
                .body(MonthlyReportWorkbook.write(report));
    }

    private MonthlyReport report(String id, Integer year, Integer month, Caller caller) {
        Organization organization = organizations.requireVisible(id, caller);
        YearMonth now = YearMonth.now(clock.withZone(ChinaTime.ZONE));
        YearMonth through = YearMonth.of(year == null ? now.getYear() : year, month == null
                ? (year == null || year == now.getYear() ? now.getMonthValue() : 12) : month);
        return reports.build(organization, through);
    }
}
