package org.unionplatform.station.counting;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.station.station.DivisionCodes;

/**
 * Visit figures from the station-day counters and their monthly folds only (never from the visits): a day's
 * count, the total to date, by worker type and by service, the average per day over the last 30 days and the
 * busiest hours, and apart from these the flagged visits, for one station or rolled up over a division and/or
 * an organisation subtree within the caller's scope.
 */
@Service
public class VisitCounts {

    static final int AVERAGE_DAYS = 30;
    private static final int BUSIEST = 3;

    private final MongoOperations mongo;
    private final Clock clock;

    VisitCounts(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public record DayCount(String day, long visits) {
    }

    public record HourCount(int hour, long visits) {
    }

    /**
     * @param today                   visits today (Asia/Shanghai)
     * @param total                   visits to date
     * @param averagePerDayLast30Days visits of today and the 29 days before, divided by 30
     * @param busiestHours            the hours of day with most visits over the last 30 days, busiest first
     * @param days                    per day within the requested range, oldest first
     * @param flagged                 visits kept apart to date (late, or at a suspended station): in no other
     *                                figure
     * @param flaggedByReason         the same by reason (LATE, STATION_SUSPENDED)
     * @param nonMembers              of {@code total}, the anonymous visitors (non-members: no card or QR code)
     * @param nonMembersByWorkerType  the same by worker type (nothing else is known of them)
     */
    public record Figures(long stations, long today, long total, Map<String, Long> byWorkerType,
            Map<String, Long> byService, BigDecimal averagePerDayLast30Days, List<HourCount> busiestHours,
            List<DayCount> days, long flagged, Map<String, Long> flaggedByReason, long nonMembers,
            Map<String, Long> nonMembersByWorkerType) {
    }

    public Figures forStation(String stationId, LocalDate from, LocalDate to) {
        return figures(Criteria.where("stationId").is(stationId), from, to);
    }

    public Figures rollUp(Caller caller, String divisionCode, String organizationId, LocalDate from, LocalDate to) {
        AccessScope scope = AccessScope.of(caller);
        List<Criteria> all = new ArrayList<>();
        all.add(caller.isAdmin() ? new Criteria()
                : caller.orgPath() != null ? scope.subtree("orgPath") : scope.stations("stationId"));
        if (divisionCode != null) {
            all.add(DivisionCodes.criteria("divisionCode", divisionCode));
        }
        if (organizationId != null) {
            all.add(Criteria.where("orgPath").regex("/" + java.util.regex.Pattern.quote(organizationId) + "/"));
        }
        return figures(new Criteria().andOperator(all.toArray(Criteria[]::new)), from, to);
    }

    /** Visits counted at one station today: one read of its day document by key. */
    public long todayAt(String stationId) {
        Query query = Query.query(Criteria.where("_id").is(VisitDay.key(stationId, today().toString())));
        query.fields().include("count");
        org.bson.Document day = mongo.findOne(query, org.bson.Document.class, VisitDay.COLLECTION);
        return day == null || day.get("count") == null ? 0 : ((Number) day.get("count")).longValue();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ChinaTime.ZONE));
    }

    /**
     * Reads bounded data whatever the history: the day documents of the recent window (from the first day of
     * the month holding the 30-day average's first day, so at most two months), one folded {@link VisitMonth}
     * per station and older month, and, instead of its month, the days of a station-month whose fold is not
     * current (a day changed since: a late visit, or no fold yet). The changed days are looked up first, so a
     * fold finishing during the read cannot hide a count.
     */
    private Figures figures(Criteria scope, LocalDate from, LocalDate to) {
        LocalDate today = today();
        String recentFrom = today.minusDays(AVERAGE_DAYS - 1L).withDayOfMonth(1).toString();
        Query changed = Query.query(new Criteria().andOperator(scope, where("day").lt(recentFrom),
                MonthFolds.unfolded()));
        changed.fields().include("stationId").include("day");
        Set<String> dayLevel = new HashSet<>();
        Set<String> dayLevelMonths = new TreeSet<>();
        for (org.bson.Document day : mongo.find(changed, org.bson.Document.class, VisitDay.COLLECTION)) {
            String month = day.getString("day").substring(0, 7);
            dayLevel.add(VisitMonth.key(day.getString("stationId"), month));
            dayLevelMonths.add(month);
        }
        List<VisitMonth> months = mongo.find(Query.query(new Criteria().andOperator(scope,
                where("month").lt(recentFrom.substring(0, 7)))), VisitMonth.class, VisitMonth.COLLECTION);
        List<Criteria> dayRanges = new ArrayList<>();
        dayRanges.add(where("day").gte(recentFrom));
        dayLevelMonths.forEach(month -> dayRanges.add(where("day").gte(month + "-01").lte(month + "-31")));
        Query dayQuery = Query.query(new Criteria().andOperator(scope,
                new Criteria().orOperator(dayRanges.toArray(Criteria[]::new))));
        dayQuery.fields().exclude(VisitDayRepository.VISIT_IDS).exclude(VisitDayRepository.RECLASSIFIED_IDS);
        List<VisitDay> days = mongo.find(dayQuery, VisitDay.class, VisitDay.COLLECTION);

        Sums sums = new Sums(today.toString(), today.minusDays(AVERAGE_DAYS - 1L).toString(), from.toString(),
                to.toString());
        for (VisitMonth month : months) {
            if (!dayLevel.contains(month.id())) {
                sums.add(month);
            }
        }
        for (VisitDay day : days) {
            if (day.day().compareTo(recentFrom) >= 0
                    || dayLevel.contains(VisitMonth.key(day.stationId(), day.day().substring(0, 7)))) {
                sums.add(day);
            }
        }
        return sums.figures(from, to);
    }

    /** The running sums of one read. */
    private static final class Sums {

        private final String today;
        private final String averageFrom;
        private final String from;
        private final String to;
        private final Map<String, Long> byWorkerType = new TreeMap<>();
        private final Map<String, Long> byService = new TreeMap<>();
        private final Map<String, Long> flaggedByReason = new TreeMap<>();
        private final Map<Integer, Long> byHour = new TreeMap<>();
        private final Map<String, Long> nonMembersByWorkerType = new TreeMap<>();
        private long nonMembers;
        private final Map<String, Long> perDay = new TreeMap<>();
        private final Set<String> stations = new HashSet<>();
        private long total;
        private long flagged;
        private long todayCount;
        private long lastThirtyDays;

        Sums(String today, String averageFrom, String from, String to) {
            this.today = today;
            this.averageFrom = averageFrom;
            this.from = from;
            this.to = to;
        }

        void add(VisitMonth month) {
            stations.add(month.stationId());
            total += month.count();
            flagged += month.flagged();
            month.byWorkerType().forEach((type, n) -> byWorkerType.merge(type, n, Long::sum));
            month.byService().forEach((service, n) -> byService.merge(service, n, Long::sum));
            month.flaggedByReason().forEach((reason, n) -> flaggedByReason.merge(reason, n, Long::sum));
            month.dayCounts().forEach((dayOfMonth, n) -> inRange(month.month() + "-" + dayOfMonth, n));
            nonMembers += month.nonMembers();
            month.nonMembersByWorkerType().forEach((type, n) -> nonMembersByWorkerType.merge(type, n, Long::sum));
        }

        void add(VisitDay day) {
            stations.add(day.stationId());
            total += day.count();
            flagged += day.flagged();
            day.byWorkerType().forEach((type, n) -> byWorkerType.merge(type, n, Long::sum));
            day.byService().forEach((service, n) -> byService.merge(service, n, Long::sum));
            day.flaggedByReason().forEach((reason, n) -> flaggedByReason.merge(reason, n, Long::sum));
            nonMembers += day.nonMembers();
            day.nonMembersByWorkerType().forEach((type, n) -> nonMembersByWorkerType.merge(type, n, Long::sum));
            if (day.day().equals(today)) {
                todayCount += day.count();
            }
            if (day.day().compareTo(averageFrom) >= 0 && day.day().compareTo(today) <= 0) {
                lastThirtyDays += day.count();
                day.byHour().forEach((hour, n) -> byHour.merge(Integer.parseInt(hour), n, Long::sum));
            }
            inRange(day.day(), day.count());
        }

        private void inRange(String day, long count) {
            if (day.compareTo(from) >= 0 && day.compareTo(to) <= 0) {
                perDay.merge(day, count, Long::sum);
            }
        }

        Figures figures(LocalDate fromDate, LocalDate toDate) {
            byWorkerType.values().removeIf(n -> n == 0);
            List<DayCount> series = new ArrayList<>();
            for (LocalDate date = fromDate; !date.isAfter(toDate); date = date.plusDays(1)) {
                series.add(new DayCount(date.toString(), perDay.getOrDefault(date.toString(), 0L)));
            }
            List<HourCount> busiest = byHour.entrySet().stream().filter(entry -> entry.getValue() > 0)
                    .map(entry -> new HourCount(entry.getKey(), entry.getValue()))
                    .sorted(Comparator.comparingLong(HourCount::visits).reversed()
                            .thenComparingInt(HourCount::hour))
                    .limit(BUSIEST).toList();
            BigDecimal average = BigDecimal.valueOf(lastThirtyDays).divide(BigDecimal.valueOf(AVERAGE_DAYS), 1,
                    RoundingMode.HALF_UP);
            return new Figures(stations.size(), todayCount, total, byWorkerType, byService, average, busiest,
                    series, flagged, flaggedByReason, nonMembers, nonMembersByWorkerType);
        }
    }
}
