package org.unionplatform.station.station;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.station.geo.GeoPoint;
import org.unionplatform.station.geo.RouteLine;
import org.unionplatform.station.geo.SpatialIndex;

/**
 * The public finder: stations near a point (through the {@link SpatialIndex}), by division code and by
 * organisation subtree. Only ACTIVE stations are shown; "open now" is judged in Asia/Shanghai.
 */
@Service
public class StationFinder {

    /** Candidates loaded per round trip when amenities or opening hours may turn many of them down. */
    private static final int FILTERED_CHUNK = 50;
    /** Extra candidates loaded beyond the limit when only status and position can turn them down. */
    private static final int SPARE = 4;

    private final SpatialIndex index;
    private final StationCache stations;
    private final MongoOperations mongo;
    private final Clock clock;

    StationFinder(SpatialIndex index, StationCache stations, MongoOperations mongo, Clock clock) {
        this.index = index;
        this.stations = stations;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A station found near the point and its distance in whole metres. */
    public record Found(Station station, long metres) {
    }

    /** @param type only stations of this type, or null for every type */
    public List<Found> nearby(GeoPoint centre, double radiusMetres, String type, Set<String> amenities,
            boolean openNow, int limit) {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ChinaTime.ZONE);
        List<SpatialIndex.Candidate> candidates = index.within(centre, radiusMetres);
        // Without filters nearly every candidate is shown: load little more than the limit, the rest only if needed.
        int chunkSize = type == null && amenities.isEmpty() && !openNow ? limit + SPARE : Math.max(FILTERED_CHUNK, limit * 2);
        List<Found> found = new ArrayList<>(limit);
        for (int from = 0; from < candidates.size() && found.size() < limit; from += chunkSize) {
            List<SpatialIndex.Candidate> chunk = candidates.subList(from, Math.min(candidates.size(),
                    from + chunkSize));
            List<String> ids = new ArrayList<>(chunk.size());
            chunk.forEach(candidate -> ids.add(candidate.stationId()));
            Map<String, Station> loaded = stations.findAll(ids);
            List<Found> matches = new ArrayList<>(chunk.size());
            for (SpatialIndex.Candidate candidate : chunk) {
                Station station = loaded.get(candidate.stationId());
                if (station == null) {
                    continue; // an entry left by an interrupted opening: no document, nothing to show
                }
                // The document's position is the truth; an entry of an interrupted move only makes it a candidate.
                double metres = centre.metresTo(station.location());
                if (metres > radiusMetres || !station.isActive() || (type != null && !station.type().equals(type))
                        || !station.amenities().containsAll(amenities)
                        || (openNow && !station.hours().isOpenAt(now))) {
                    continue;
                }
                matches.add(new Found(station, Math.round(metres)));
            }
            matches.sort((a, b) -> Long.compare(a.metres(), b.metres()));
            found.addAll(matches);
        }
        found.sort((a, b) -> Long.compare(a.metres(), b.metres()));
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    /**
     * Active stations of one type within the radius, nearest first: for the road types (Drivers' Homes), whose
     * radius reaches 100 km, where the grid would read thousands of cells; there are few of them, so they are read
     * by type, status and a latitude/longitude box (index {@code road}), then measured.
     */
    public List<Found> ofTypeNearby(String type, GeoPoint centre, double radiusMetres, Set<String> amenities,
            boolean openNow, int limit) {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ChinaTime.ZONE);
        RouteLine around = new RouteLine(List.of(centre, centre));
        List<Found> found = new ArrayList<>();
        for (Station station : ofTypeIn(type, around.boundingBox(radiusMetres))) {
            double metres = centre.metresTo(station.location());
            if (metres <= radiusMetres && station.amenities().containsAll(amenities)
                    && (!openNow || station.hours().isOpenAt(now))) {
                found.add(new Found(station, Math.round(metres)));
            }
        }
        found.sort(Comparator.comparingLong(Found::metres).thenComparing(f -> f.station().id()));
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    /**
     * A station on the way and where it lies: metres ahead along the road from the driver, metres off the road.
     */
    public record Ahead(Station station, long aheadMetres, long offsetMetres) {
    }

    /**
     * Active stations of a type within {@code maxOffsetMetres} of the road and ahead of the place {@code fromAlong}
     * metres along it (the driver), in the order the driver reaches them.
     */
    public List<Ahead> ahead(RouteLine road, double fromAlong, String type, double maxOffsetMetres, int limit) {
        List<Ahead> ahead = new ArrayList<>();
        for (Station station : ofTypeIn(type, road.boundingBox(maxOffsetMetres))) {
            RouteLine.Position position = road.project(station.location());
            double metresAhead = position.alongMetres() - fromAlong;
            if (position.offsetMetres() <= maxOffsetMetres && metresAhead >= 0) {
                ahead.add(new Ahead(station, Math.round(metresAhead), Math.round(position.offsetMetres())));
            }
        }
        ahead.sort(Comparator.comparingLong(Ahead::aheadMetres).thenComparing(a -> a.station().id()));
        return ahead.size() > limit ? ahead.subList(0, limit) : ahead;
    }

    private List<Station> ofTypeIn(String type, double[] box) {
        return mongo.find(Query.query(Criteria.where("type").is(type).and("status").is(StationStatus.ACTIVE)
                .and("location.lat").gte(box[0]).lte(box[1]).and("location.lon").gte(box[2]).lte(box[3])),
                Station.class);
    }

    /** Active stations in a division (and its sub-divisions) and/or an organisation's subtree. */
    public Page<Station> directory(String divisionCode, String organizationId, Pageable pageable) {
        List<Criteria> all = new ArrayList<>(List.of(Criteria.where("status").is(StationStatus.ACTIVE)));
        if (divisionCode != null) {
            all.add(DivisionCodes.criteria("divisionCode", divisionCode));
        }
        if (organizationId != null) {
            // Organisation ids are path segments: the subtree of X is every path containing /X/.
            all.add(Criteria.where("orgPath").regex("/" + java.util.regex.Pattern.quote(organizationId) + "/"));
        }
        Query query = Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)));
        long total = mongo.count(query, Station.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable).with(Sort.by("_id")), Station.class),
                pageable, total);
    }

    public boolean isOpenNow(Station station) {
        return station.hours().isOpenAt(ZonedDateTime.now(clock).withZoneSameInstant(ChinaTime.ZONE));
    }
}
