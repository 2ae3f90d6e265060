package org.unionplatform.organization.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The monthly report of an organisation's subtree for January up to {@code month} of {@code year}: per month the
 * gross figures (new members by worker type, leavers, transfers in and out, the net change, unions founded), the
 * year's totals against the target, a row per child organisation (the year so far), and what the subtree stood at
 * (members, companies by status). A closed month is read from its snapshot ({@code closed}), with what arrived for
 * it later shown apart ({@code lateAdjustments}); the standing figures are those of the report month's closing
 * when it is closed, today's otherwise ({@code standingAsOf}). {@code helpCases}: the month's and year's help cases.
 */
record MonthlyReport(String organizationId, String organizationName, String orgPath, int year, int month,
        List<WorkerTypeColumn> workerTypes, List<MonthRow> months, Figures totals, Figures lateAdjustments,
        Target target, Map<String, Double> completionPercent, Double totalCompletionPercent,
        Double unionsCompletionPercent, List<ChildRow> children, long members,
        List<CompanyStatusRow> companiesByStatus, Instant standingAsOf, Instant generatedAt,
        HelpCaseFigures helpCases, ConsultationsHeld consultations) {

    /**
     * Consultation rounds with platforms held in the subtree (集体协商, outcome recorded), by meeting day: in the
     * report month and in the year through it. Read live, closed month or not.
     */
    record ConsultationsHeld(long month, long yearToDate) {
    }

    record WorkerTypeColumn(String code, String label) {
    }

    /**
     * One month: its figures, whether it is closed, and (closed months only, null when nothing arrived) what
     * arrived for it after the closing.
     */
    record MonthRow(String month, boolean closed, Map<String, Long> newMembers, long total, long leavers,
            long transfersIn, long transfersOut, long net, long unionsFounded, Figures lateAdjustments) {

        static MonthRow of(String month, boolean closed, Figures figures, Figures lateAdjustments) {
            return new MonthRow(month, closed, figures.newMembers(), figures.total(), figures.leavers(),
                    figures.transfersIn(), figures.transfersOut(), figures.net(), figures.unionsFounded(),
                    lateAdjustments);
        }
    }

    record Target(Map<String, Long> newMembers, long total, long unionsFounded) {
    }

    /** A child organisation's year so far (through the report month), against its own target. */
    record ChildRow(String organizationId, String name, Figures figures, long targetTotal,
            long targetUnionsFounded, Double completionPercent, long members) {
    }

    record CompanyStatusRow(String status, String label, long companies) {
    }
}
