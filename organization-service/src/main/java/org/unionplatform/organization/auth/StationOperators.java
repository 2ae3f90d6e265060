package org.unionplatform.organization.auth;

import static org.springframework.data.mongodb.core.query.Criteria.where;

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
 * Which organisation operates each station, learnt from {@code station.opened}: an organizer may bind attendants
 * only to the stations of their subtree. The path follows moves of the tree ({@code tree.PathRewriter} rewrites
 * this collection). {@code Subscriptions} binds {@link #onOpened} to the {@code station-operators} queue.
 */
@Component
public class StationOperators {

    static final String COLLECTION = "station_operators";

    /** A station and the path of the organisation operating it. */
    @Document(COLLECTION)
    record StationOperator(@Id String id, String name, @Indexed(name = "orgPath") String orgPath) {
    }

    private final MongoOperations mongo;

    StationOperators(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Repeatable: a redelivered event writes the same document. */
    public void onOpened(StationOpened opened, ReceivedEvent event) {
        if (opened.stationId() == null || opened.orgPath() == null) {
            throw new IllegalArgumentException(event + " lacks its station or path");
        }
        mongo.upsert(Query.query(where("_id").is(opened.stationId())),
                new Update().set("name", opened.name()).set("orgPath", opened.orgPath()), StationOperator.class);
    }

    Optional<StationOperator> byId(String stationId) {
        return Optional.ofNullable(mongo.findById(stationId, StationOperator.class));
    }

    /** The ids of the stations whose operator lies where {@code scope} (a subtree criterion on orgPath) reaches. */
    List<String> idsWhere(Criteria scope) {
        Query query = Query.query(scope);
        query.fields().include("_id");
        return mongo.find(query, StationOperator.class).stream().map(StationOperator::id).toList();
    }
}
