package org.unionplatform.station.counting;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.station.station.Station;
import org.unionplatform.station.station.StationStatus;

/**
 * The organizer console's views of an organisation's stations, read from the station-day counters of a range (at
 * most a quarter, so a bounded number of day documents) and the stations themselves: visits by weekday and hour
 * (the busiest hours as a heat map), and per county-level division the active stations and their visits (where
 * the next station is needed, with membership-service's members per division).
 * <p>
 * The organisation must lie in the caller's scope: station-service knows organisations only through the paths of
 * its stations, so an organisation is found when it is the root of the caller's scope or a station of the scope lies
 * under it; otherwise 404 (an organisation outside the scope, or one without any station).
 */
@Service
public class VisitPatterns {

    static final int MAX_RANGE_DAYS = 92;

    private final MongoOperations mongo;

    VisitPatterns(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Visits of one weekday (1 = Monday .. 7 = Sunday, Asia/Shanghai) and hour of day (0..23). */
    public record HourCell(int weekday, int hour, long visits) {
    }

    /** The visits of the range by weekday and hour, every cell with visits (a missing cell had none). */
    public record WeekHours(String organizationId, String from, String to, long total, List<HourCell> cells) {
    }

    /** One county-level division: active stations there and the visits they counted in the range. */
    public record DistrictStations(String divisionCode, long stations, long visits) {
    }

    public record Coverage(String organizationId, String from, String to, List<DistrictStations> districts) {
    }

    public WeekHours weekHours(Caller caller, String organizationId, LocalDate from, LocalDate to) {
        Criteria under = underOrganization(caller, organizationId);
        Map<String, Long> cells = new TreeMap<>();
        long total = 0;
        for (Document day : days(under, from, to)) {
            int weekday = LocalDate.parse(day.getString("day")).getDayOfWeek().getValue();
            Document byHour = day.get("byHour", Document.class);
            if (byHour == null) {
                continue;
            }
            for (Map.Entry<String, Object> hour : byHour.entrySet()) {
                long visits = ((Number) hour.getValue()).longValue();
                cells.merge(weekday + "|" + Integer.parseInt(hour.getKey()), visits, Long::sum);
                total += visits;
            }
        }
        List<HourCell> list = new ArrayList<>();
        cells.forEach((key, visits) -> {
            String[] parts = key.split("\\|");
            list.add(new HourCell(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), visits));
        });
        list.sort(java.util.Comparator.comparingInt(HourCell::weekday).thenComparingInt(HourCell::hour));
        return new WeekHours(organizationId, from.toString(), to.toString(), total, list);
    }

    public Coverage coverage(Caller caller, String organizationId, LocalDate from, LocalDate to) {
        Criteria under = underOrganization(caller, organizationId);
        Map<String, long[]> districts = new TreeMap<>();
        Query stations = Query.query(new Criteria().andOperator(where("status").is(StationStatus.ACTIVE.name()), under));
        stations.fields().include("divisionCode");
        for (Document station : mongo.find(stations, Document.class, Station.COLLECTION)) {
            districts.computeIfAbsent(county(station.getString("divisionCode")), code -> new long[2])[0]++;
        }
        for (Document day : days(under, from, to)) {
            districts.computeIfAbsent(county(day.getString("divisionCode")), code -> new long[2])[1] +=
                    ((Number) day.getOrDefault("count", 0L)).longValue();
        }
        List<DistrictStations> rows = new ArrayList<>();
        districts.forEach((code, figures) -> rows.add(new DistrictStations(code, figures[0], figures[1])));
        return new Coverage(organizationId, from.toString(), to.toString(), rows);
    }

    private List<Document> days(Criteria under, LocalDate from, LocalDate to) {
        Query query = Query.query(new Criteria().andOperator(under,
                where("day").gte(from.toString()).lte(to.toString())));
        query.fields().include("day").include("divisionCode").include("count").include("byHour");
        return mongo.find(query, Document.class, VisitDay.COLLECTION);
    }

    /** The county-level division (six digits) of a station's code; a township code's first six. */
    private static String county(String divisionCode) {
        return divisionCode == null || divisionCode.length() < 6 ? "" : divisionCode.substring(0, 6);
    }

    /**
     * Documents under the organisation within the caller's scope, as an anchored prefix of the organisation's path
     * (so an index on orgPath serves it). The path is the scope's own when the organisation is its root, else read
     * from a station under it (the whole tree is an administrator's scope).
     */
    private Criteria underOrganization(Caller caller, String organizationId) {
        String scope = caller.isAdmin() ? "/" : caller.orgPath();
        if (scope == null || scope.isBlank()) {
            throw new ResourceNotFoundException("Organization", organizationId);
        }
        if (scope.endsWith("/" + organizationId + "/")) {
            return where("orgPath").regex("^" + Pattern.quote(scope));
        }
        Query below = Query.query(where("orgPath").regex("^" + Pattern.quote(scope) + "(.*/)?"
                + Pattern.quote(organizationId) + "/"));
        below.fields().include("orgPath");
        Document station = mongo.findOne(below, Document.class, Station.COLLECTION);
        if (station == null) {
            throw new ResourceNotFoundException("Organization", organizationId);
        }
        String path = station.getString("orgPath");
        String prefix = path.substring(0, path.indexOf("/" + organizationId + "/") + organizationId.length() + 2);
        return where("orgPath").regex("^" + Pattern.quote(prefix));
    }
}
