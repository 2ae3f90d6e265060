package org.unionplatform.organization.report;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.unionplatform.common.workers.WorkerTypes;
import org.unionplatform.organization.company.CompanyStatus;
import org.unionplatform.organization.progress.Target;
import org.unionplatform.organization.progress.TargetRepository;
import org.unionplatform.organization.progress.Targets;
import org.unionplatform.organization.report.MonthlyReport.ChildRow;
import org.unionplatform.organization.report.MonthlyReport.CompanyStatusRow;
import org.unionplatform.organization.report.MonthlyReport.MonthRow;
import org.unionplatform.organization.report.MonthlyReport.WorkerTypeColumn;
import org.unionplatform.organization.tally.Counters;
import org.unionplatform.organization.tally.Tally;
import org.unionplatform.organization.tally.TallyRepository;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationRepository;

/**
 * Builds the monthly report from the subtree's tallies and the closed months' snapshots: a closed month reads from
 * its snapshot (late arrivals are the live tally minus the snapshot, shown apart), an open month from the live
 * tally. Two reads by id per organisation shown, whatever the size of the tree.
 */
@Component
class MonthlyReports {

    private final TallyRepository tallies;
    private final TargetRepository targets;
    private final OrganizationRepository organizations;
    private final MonthClosings closings;
    private final WorkerTypes workerTypes;
    private final Clock clock;

    MonthlyReports(TallyRepository tallies, TargetRepository targets, OrganizationRepository organizations,
            MonthClosings closings, WorkerTypes workerTypes, Clock clock) {
        this.tallies = tallies;
        this.targets = targets;
        this.organizations = organizations;
        this.closings = closings;
        this.workerTypes = workerTypes;
        this.clock = clock;
    }

    /** An organisation's months of the year through the report month: figures as reported, and late arrivals. */
    private record Year(List<MonthRow> rows, Figures totals, Figures lateAdjustments,
            Map<YearMonth, MonthSnapshot> snapshots) {
    }

    MonthlyReport build(Organization organization, YearMonth through) {
        List<String> columns = workerTypes.codes();
        List<YearMonth> months = new ArrayList<>();
        for (int m = 1; m <= through.getMonthValue(); m++) {
            months.add(YearMonth.of(through.getYear(), m));
        }
        Set<YearMonth> closed = closings.closedAmong(months);
        Year year = year(organization.id(), months, closed, columns);

        boolean throughClosed = closed.contains(through);
        Optional<MonthSnapshot> throughSnapshot = Optional.ofNullable(year.snapshots().get(through));
        Map<String, Long> standing = throughClosed
                ? throughSnapshot.map(MonthSnapshot::standing).orElse(Map.of())
                : tallies.counters(organization.id(), Tally.ALL);
        Instant standingAsOf = throughClosed
                ? throughSnapshot.map(MonthSnapshot::closedAt).orElse(null) : clock.instant();

        List<MonthSnapshot.Child> children = throughClosed
                ? throughSnapshot.map(MonthSnapshot::children).orElse(List.of())
                : organizations.children(organization.id()).stream()
                        .map(child -> new MonthSnapshot.Child(child.id(), child.name()))
                        .sorted(Comparator.comparing(MonthSnapshot.Child::organizationId)).toList();
        List<ChildRow> childRows = children.stream().map(child -> {
            Year childYear = year(child.organizationId(), months, closed, columns);
            Optional<Target> target = targets.find(child.organizationId(), through.getYear());
            long childMembers = members(throughClosed
                    ? Optional.ofNullable(childYear.snapshots().get(through)).map(MonthSnapshot::standing)
                            .orElse(Map.of())
                    : tallies.counters(child.organizationId(), Tally.ALL));
            long targetTotal = target.map(Target::totalNewMembers).orElse(0L);
            return new ChildRow(child.organizationId(), child.name(), childYear.totals(), targetTotal,
                    target.map(Target::unionsFounded).orElse(0L),
                    Targets.percent(childYear.totals().total(), targetTotal), childMembers);
        }).toList();

        Optional<Target> target = targets.find(organization.id(), through.getYear());
        Map<String, Long> targetMembers = new LinkedHashMap<>();
        columns.forEach(c -> targetMembers.put(c, 0L));
        target.ifPresent(t -> targetMembers.putAll(t.newMembers()));
        long targetTotal = targetMembers.values().stream().mapToLong(Long::longValue).sum();
        long targetUnions = target.map(Target::unionsFounded).orElse(0L);
        Map<String, Double> completion = new LinkedHashMap<>();
        targetMembers.forEach((type, goal) ->
                completion.put(type, Targets.percent(year.totals().newMembers().getOrDefault(type, 0L), goal)));

        List<CompanyStatusRow> companies = new ArrayList<>();
        for (CompanyStatus status : CompanyStatus.values()) {
            companies.add(new CompanyStatusRow(status.name(), status.label(),
                    standing.getOrDefault(Counters.COMPANIES + status.name(), 0L)));
        }
        return new MonthlyReport(organization.id(), organization.name(), organization.path(), through.getYear(),
                through.getMonthValue(), columns.stream().map(c -> new WorkerTypeColumn(c, workerTypes.label(c)))
                        .toList(), year.rows(), year.totals(), year.lateAdjustments(),
                new MonthlyReport.Target(targetMembers, targetTotal, targetUnions), completion,
                Targets.percent(year.totals().total(), targetTotal),
                Targets.percent(year.totals().unionsFounded(), targetUnions), childRows, members(standing),
                companies, standingAsOf, clock.instant(), helpCases(organization.id(), through),
                consultationsHeld(organization.id(), months, through));
    }

    private MonthlyReport.ConsultationsHeld consultationsHeld(String organizationId, List<YearMonth> months,
            YearMonth through) {
        Map<String, Map<String, Long>> counters = tallies.counters(organizationId,
                months.stream().map(YearMonth::toString).toList());
        long year = counters.values().stream()
                .mapToLong(month -> month.getOrDefault(Counters.CONSULTATIONS_HELD, 0L)).sum();
        return new MonthlyReport.ConsultationsHeld(counters.getOrDefault(through.toString(), Map.of())
                .getOrDefault(Counters.CONSULTATIONS_HELD, 0L), year);
    }

    private Year year(String organizationId, List<YearMonth> months, Set<YearMonth> closed, List<String> columns) {
        Map<String, Map<String, Long>> live = tallies.counters(organizationId,
                months.stream().map(YearMonth::toString).toList());
        Map<YearMonth, MonthSnapshot> snapshots = closed.isEmpty() ? Map.of()
                : closings.snapshots(organizationId, closed);
        List<MonthRow> rows = new ArrayList<>();
        Figures totals = Figures.zero(columns);
        Figures late = Figures.zero(columns);
        for (YearMonth month : months) {
            Figures now = Figures.of(live.getOrDefault(month.toString(), Map.of()), columns);
            Figures reported = now;
            Figures adjustments = null;
            if (closed.contains(month)) {
                // An organisation created after the closing has no snapshot: it had nothing then.
                reported = Figures.of(Optional.ofNullable(snapshots.get(month)).map(MonthSnapshot::counters)
                        .orElse(Map.of()), columns);
                Figures difference = now.minus(reported);
                if (!difference.isZero()) {
                    adjustments = difference;
                    late = late.plus(difference);
                }
            }
            rows.add(MonthRow.of(month.toString(), closed.contains(month), reported, adjustments));
            totals = totals.plus(reported);
        }
        return new Year(rows, totals, late, snapshots);
    }

    private HelpCaseFigures helpCases(String organizationId, YearMonth through) {
        Map<String, Map<String, Long>> live = tallies.counters(organizationId,
                List.of(through.toString(), String.valueOf(through.getYear())));
        return HelpCaseFigures.of(live.getOrDefault(through.toString(), Map.of()),
                live.getOrDefault(String.valueOf(through.getYear()), Map.of()));
    }

    private static long members(Map<String, Long> standing) {
        return standing.entrySet().stream().filter(e -> e.getKey().startsWith(Counters.MEMBERS))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
