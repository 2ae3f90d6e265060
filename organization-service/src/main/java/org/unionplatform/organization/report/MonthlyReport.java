package org.unionplatform.organization.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The monthly report of an organisation's subtree for January up to {@code month} of {@code year}: net new
 * members by worker type per month (approved + transferred in - transferred out - withdrawn), unions founded,
 * the year's totals against the target, and companies by status today.
 */
record MonthlyReport(String organizationId, String organizationName, String orgPath, int year, int month,
        List<WorkerTypeColumn> workerTypes, List<MonthRow> months, Totals totals, Totals target,
        Map<String, Double> completionPercent, Double totalCompletionPercent, Double unionsCompletionPercent,
        long members, List<CompanyStatusRow> companiesByStatus, Instant generatedAt) {

    record WorkerTypeColumn(String code, String label) {
    }

    record MonthRow(String month, Map<String, Long> newMembers, long total, long unionsFounded) {
    }

    record Totals(Map<String, Long> newMembers, long total, long unionsFounded) {
    }

    record CompanyStatusRow(String status, String label, long companies) {
    }
}
