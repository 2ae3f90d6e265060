package org.unionplatform.station.counting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.station.station.DivisionCodes;

/**
 * Visit figures from the station-day counters only (never from the visits): a day's count, the total to date,
 * by worker type and by service, the average per day over the last 30 days and the busiest hours, for one
 * station or rolled up over a division and/or an organisation subtree within the caller's scope.
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
     */
    public record Figures(long stations, long today, long total, Map<String, Long> byWorkerType,
            Map<String, Long> byService, BigDecimal averagePerDayLast30Days, List<HourCount> busiestHours,
            List<DayCount> days) {
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

    private Figures figures(Criteria criteria, LocalDate from, LocalDate to) {
        Query query = Query.query(criteria);
        query.fields().exclude(VisitDayRepository.VISIT_IDS).exclude(VisitDayRepository.RECLASSIFIED_IDS);
        List<VisitDay> days = mongo.find(query, VisitDay.class, VisitDay.COLLECTION);
        String today = today().toString();
        String averageFrom = today().minusDays(AVERAGE_DAYS - 1L).toString();
        Map<String, Long> byWorkerType = new TreeMap<>();
        Map<String, Long> byService = new TreeMap<>();
        Map<Integer, Long> byHour = new TreeMap<>();
        Map<String, Long> perDay = new TreeMap<>();
        java.util.Set<String> stations = new java.util.HashSet<>();
        long total = 0;
        long todayCount = 0;
        long lastThirtyDays = 0;
        for (VisitDay day : days) {
            stations.add(day.stationId());
            total += day.count();
            day.byWorkerType().forEach((type, n) -> byWorkerType.merge(type, n, Long::sum));
            day.byService().forEach((service, n) -> byService.merge(service, n, Long::sum));
            if (day.day().equals(today)) {
                todayCount += day.count();
            }
            if (day.day().compareTo(averageFrom) >= 0 && day.day().compareTo(today) <= 0) {
                lastThirtyDays += day.count();
                day.byHour().forEach((hour, n) -> byHour.merge(Integer.parseInt(hour), n, Long::sum));
            }
            if (day.day().compareTo(from.toString()) >= 0 && day.day().compareTo(to.toString()) <= 0) {
                perDay.merge(day.day(), day.count(), Long::sum);
            }
        }
        byWorkerType.values().removeIf(n -> n == 0);
        List<DayCount> series = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            series.add(new DayCount(date.toString(), perDay.getOrDefault(date.toString(), 0L)));
        }
        List<HourCount> busiest = byHour.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .map(entry -> new HourCount(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(HourCount::visits).reversed().thenComparingInt(HourCount::hour))
                .limit(BUSIEST).toList();
        BigDecimal average = BigDecimal.valueOf(lastThirtyDays).divide(BigDecimal.valueOf(AVERAGE_DAYS), 1,
                RoundingMode.HALF_UP);
        return new Figures(stations.size(), todayCount, total, byWorkerType, byService, average, busiest, series);
    }
}
