package org.unionplatform.station.station;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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

    public List<Found> nearby(GeoPoint centre, double radiusMetres, Set<String> amenities, boolean openNow,
            int limit) {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ChinaTime.ZONE);
        List<SpatialIndex.Candidate> candidates = index.within(centre, radiusMetres);
        // Without filters nearly every candidate is shown: load little more than the limit, the rest only if needed.
        int chunkSize = amenities.isEmpty() && !openNow ? limit + SPARE : Math.max(FILTERED_CHUNK, limit * 2);
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
                if (metres > radiusMetres || !station.isActive()
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
