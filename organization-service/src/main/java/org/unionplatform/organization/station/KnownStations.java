package org.unionplatform.organization.station;

import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.unionplatform.common.events.ReceivedEvent;
import org.unionplatform.organization.events.StationOpened;

/**
 * Who runs each station, as station-service announced it ({@code known_stations}, by station id). A station's
 * operator never changes in station-service, so the projection is one upsert per opening; a redelivery writes the
 * same values again. The organisation is the last segment of the station's path; dispatch reads today's
 * organisation by that id, so a moved organisation is still found. The path itself serves the accounts (an
 * organizer binds attendants to the stations of their subtree only) and follows moves of the tree
 * ({@code tree.PathRewriter} rewrites it).
 */
@Component
public class KnownStations {

    static final String COLLECTION = "known_stations";

    /** A station and the organisation that runs it. */
    @Document(COLLECTION)
    public record KnownStation(@Id String id, String name, String type, String organizationId,
            @Indexed(name = "orgPath") String orgPath) {
    }

    private final MongoOperations mongo;

    KnownStations(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public void onOpened(StationOpened opened, ReceivedEvent event) {
        String organizationId = lastSegment(opened.orgPath());
        if (opened.stationId() == null || organizationId == null) {
            return; // nothing to route by
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(opened.stationId())), new Update()
                .set("name", opened.name()).set("type", opened.type()).set("organizationId", organizationId)
                .set("orgPath", opened.orgPath()),
                KnownStation.class);
    }

    public Optional<KnownStation> byId(String stationId) {
        return Optional.ofNullable(mongo.findById(stationId, KnownStation.class));
    }

    /** The ids of the stations whose operator lies where {@code scope} (a subtree criterion on orgPath) reaches. */
    public List<String> idsWhere(Criteria scope) {
        Query query = Query.query(scope);
        query.fields().include("_id");
        return mongo.find(query, KnownStation.class).stream().map(KnownStation::id).toList();
    }

    static String lastSegment(String path) {
        if (path == null) {
            return null;
        }
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isBlank()) {
                return segments[i];
            }
        }
        return null;
    }
}
