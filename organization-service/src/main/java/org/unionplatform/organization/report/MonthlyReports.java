package org.unionplatform.organization.report;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.unionplatform.common.workers.WorkerTypes;
import org.unionplatform.organization.company.CompanyStatus;
import org.unionplatform.organization.progress.Target;
import org.unionplatform.organization.progress.TargetRepository;
import org.unionplatform.organization.progress.Targets;
import org.unionplatform.organization.report.MonthlyReport.CompanyStatusRow;
import org.unionplatform.organization.report.MonthlyReport.MonthRow;
import org.unionplatform.organization.report.MonthlyReport.Totals;
import org.unionplatform.organization.report.MonthlyReport.WorkerTypeColumn;
import org.unionplatform.organization.tally.Counters;
import org.unionplatform.organization.tally.Tally;
import org.unionplatform.organization.tally.TallyRepository;
import org.unionplatform.organization.tree.Organization;

/** Builds the monthly report from the subtree's tallies: a few reads by id, whatever the size of the tree. */
@Component
class MonthlyReports {

    private final TallyRepository tallies;
    private final TargetRepository targets;
    private final WorkerTypes workerTypes;
    private final Clock clock;

    MonthlyReports(TallyRepository tallies, TargetRepository targets, WorkerTypes workerTypes, Clock clock) {
        this.tallies = tallies;
        this.targets = targets;
        this.workerTypes = workerTypes;
        this.clock = clock;
    }

    MonthlyReport build(Organization organization, YearMonth through) {
        List<String> columns = workerTypes.codes();
        List<MonthRow> rows = new ArrayList<>();
        Map<String, Long> yearMembers = zeros(columns);
        long yearUnions = 0;
        for (int m = 1; m <= through.getMonthValue(); m++) {
            YearMonth month = YearMonth.of(through.getYear(), m);
            Map<String, Long> counters = tallies.counters(organization.id(), month.toString());
            Map<String, Long> members = zeros(columns);
            counters.forEach((name, value) -> {
                if (name.startsWith(Counters.NEW_MEMBERS)) {
                    members.merge(name.substring(Counters.NEW_MEMBERS.length()), value, Long::sum);
                }
            });
            long unions = counters.getOrDefault(Counters.UNIONS_FOUNDED, 0L);
            rows.add(new MonthRow(month.toString(), members, sum(members), unions));
            members.forEach((type, value) -> yearMembers.merge(type, value, Long::sum));
            yearUnions += unions;
        }
        Optional<Target> target = targets.find(organization.id(), through.getYear());
        Map<String, Long> targetMembers = zeros(columns);
        target.ifPresent(t -> targetMembers.putAll(t.newMembers()));
        long targetUnions = target.map(Target::unionsFounded).orElse(0L);
        Map<String, Double> completion = new LinkedHashMap<>();
        for (String type : targetMembers.keySet()) {
            completion.put(type, Targets.percent(yearMembers.getOrDefault(type, 0L), targetMembers.get(type)));
        }
        Map<String, Long> all = tallies.counters(organization.id(), Tally.ALL);
        List<CompanyStatusRow> companies = new ArrayList<>();
        for (CompanyStatus status : CompanyStatus.values()) {
            companies.add(new CompanyStatusRow(status.name(), status.label(),
                    all.getOrDefault(Counters.COMPANIES + status.name(), 0L)));
        }
        long members = all.entrySet().stream().filter(e -> e.getKey().startsWith(Counters.MEMBERS))
                .mapToLong(Map.Entry::getValue).sum();
        return new MonthlyReport(organization.id(), organization.name(), organization.path(), through.getYear(),
                through.getMonthValue(), columns.stream().map(c -> new WorkerTypeColumn(c, workerTypes.label(c)))
                        .toList(), rows,
                new Totals(yearMembers, sum(yearMembers), yearUnions),
                new Totals(targetMembers, sum(targetMembers), targetUnions), completion,
                Targets.percent(sum(yearMembers), sum(targetMembers)),
                Targets.percent(yearUnions, targetUnions), members, companies, clock.instant());
    }

    private static Map<String, Long> zeros(List<String> columns) {
        Map<String, Long> values = new LinkedHashMap<>();
        columns.forEach(c -> values.put(c, 0L));
        return values;
    }

    private static long sum(Map<String, Long> values) {
        return values.values().stream().mapToLong(Long::longValue).sum();
    }
}
