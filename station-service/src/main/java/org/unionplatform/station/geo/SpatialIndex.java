package org.unionplatform.station.geo;

import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * A geohash grid kept in MongoDB, because the embedded server has no geo queries and the finder must behave
 * the same on every backend and every instance. One document per cell, keyed by the cell's geohash as
 * {@code _id}: {@code {_id: "wqj7k", stations: {<stationId>: {lat, lon}}}}. Every read and write goes by
 * {@code _id} and changes one document atomically, so all instances see a change at once.
 * <p>
 * The cells are a hint, the station document is the truth: a move first adds the new entry, then saves the
 * station, then removes the old entry, and the finder re-checks every candidate against its station
 * document. An interrupted move or opening therefore leaves at most a stale extra entry, never a
 * missing one; stale entries are ignored and removed when found.
 */
@Component
public class SpatialIndex {

    public static final String COLLECTION = "station_cells";
    /** About 4.9 x 3.5-4.6 km cells in China; a 10 km radius reads at most ~42 cells. */
    public static final int PRECISION = 5;

    private final MongoOperations mongo;
    private final GeoHash geoHash = new GeoHash(PRECISION);

    SpatialIndex(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public String cellOf(GeoPoint point) {
        return geoHash.cellOf(point.lat(), point.lon());
    }

    /** Adds or moves the station's entry in its (new) cell; call before saving the station document. */
    public void put(String stationId, GeoPoint point) {
        cells().updateOne(Filters.eq("_id", cellOf(point)),
                Updates.set("stations." + stationId, new Document("lat", point.lat()).append("lon", point.lon())),
                new UpdateOptions().upsert(true));
    }

    /** Removes the station's entry from a cell it is no longer in; call after saving the station document. */
    public void remove(String stationId, String cell) {
        if (cell != null) {
            cells().updateOne(Filters.eq("_id", cell), Updates.unset("stations." + stationId));
        }
    }

    /** Index entries within the radius, nearest first (distances from the indexed position). */
    public List<Candidate> within(GeoPoint centre, double radiusMetres) {
        List<String> cellIds = geoHash.cellsCovering(centre.lat(), centre.lon(), radiusMetres);
        Map<String, Candidate> found = new HashMap<>();
        for (Document cell : cells().find(in("_id", cellIds))) {
            Document stations = cell.get("stations", Document.class);
            if (stations == null) {
                continue;
            }
            for (Map.Entry<String, Object> entry : stations.entrySet()) {
                Document position = (Document) entry.getValue();
                double metres = centre.metresTo(position.getDouble("lat"), position.getDouble("lon"));
                if (metres <= radiusMetres) {
                    found.merge(entry.getKey(), new Candidate(entry.getKey(), cell.getString("_id"), metres),
                            (a, b) -> a.metres() <= b.metres() ? a : b);
                }
            }
        }
        List<Candidate> candidates = new ArrayList<>(found.values());
        candidates.sort(Comparator.comparingDouble(Candidate::metres).thenComparing(Candidate::stationId));
        return candidates;
    }

    /** An index entry: which station, in which cell, how far from the centre. */
    public record Candidate(String stationId, String cell, double metres) {
    }

    private MongoCollection<Document> cells() {
        return mongo.getCollection(COLLECTION);
    }
}
