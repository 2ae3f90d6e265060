package org.unionplatform.organization.company;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Pattern;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditTrail;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationRepository;
import org.unionplatform.organization.tree.OrganizationRequests;

/**
 * Company surveys at scale and the insurance coverage they give (docs/organizations.md, "Company surveys"). Import:
 * ADMIN, ORGANIZER (the organisation in scope); the figures: ADMIN, ORGANIZER, BENEFIT_OFFICER in scope.
 */
@RestController
@Validated
class CompanySurveyController {

    private final CompanySurveys surveys;
    private final InsuranceCoverage coverage;
    private final OrganizationRepository organizations;
    private final AuditTrail audit;

    CompanySurveyController(CompanySurveys surveys, InsuranceCoverage coverage, OrganizationRepository organizations,
            AuditTrail audit) {
        this.surveys = surveys;
        this.coverage = coverage;
        this.organizations = organizations;
        this.audit = audit;
    }

    /**
     * A survey file (CSV in UTF-8 or GBK, or XLSX; at most 20,000 rows) of companies for the organisation: with
     * {@code dryRun=true} every row is checked and reported and nothing is written.
     */
    @PostMapping(value = "/api/organizations/company-surveys", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER')")
    CompanySurveys.Report upload(@RequestPart("file") MultipartFile file,
            @RequestParam @Pattern(regexp = OrganizationRequests.ID) String organizationId,
            @RequestParam(defaultValue = "false") boolean dryRun, Caller caller) throws IOException {
        CompanySurveys.Report report = surveys.importFile(file, organizationId, dryRun, caller);
        audit.record("COMPANY_SURVEY_IMPORTED", "organization:" + organizationId, AuditOutcome.SUCCESS,
                Map.of("dryRun", String.valueOf(dryRun), "rows", String.valueOf(report.rows()),
                        "rejected", String.valueOf(report.rejected())));
        return report;
    }

    /** Coverage now, by district (county) or by platform, of the surveyed companies of the subtree. */
    @GetMapping("/api/organizations/{id}/insurance-coverage")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER','BENEFIT_OFFICER')")
    List<InsuranceCoverage.Line> now(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @RequestParam(defaultValue = "DISTRICT") InsuranceCoverage.By by, Caller caller) {
        return coverage.now(organizations.requireVisible(id, caller), by);
    }

    /** Month by month (at most 36 months), each company by its latest survey up to the month. */
    @GetMapping("/api/organizations/{id}/insurance-coverage/months")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER','BENEFIT_OFFICER')")
    List<InsuranceCoverage.Month> months(@PathVariable @Pattern(regexp = OrganizationRequests.ID) String id,
            @RequestParam(defaultValue = "DISTRICT") InsuranceCoverage.By by,
            @RequestParam @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") String from,
            @RequestParam @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") String to, Caller caller) {
        YearMonth first = YearMonth.parse(from);
        YearMonth last = YearMonth.parse(to);
        if (last.isBefore(first) || first.plusMonths(35).isBefore(last)) {
            throw new BusinessRuleViolationException("month-range", "from must not be after to, and at most 36 months");
        }
        Organization root = organizations.requireVisible(id, caller);
        return coverage.months(root, by, first, last);
    }
}
