package org.unionplatform.organization.progress;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Yearly targets in MongoDB, by {@code <organisationId>|<year>}. */
@Component
public class TargetRepository {

    private final MongoTemplate mongo;

    TargetRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Target> find(String organizationId, int year) {
        return Optional.ofNullable(mongo.findById(Target.id(organizationId, year), Target.class));
    }

    /** The targets of the direct children of {@code parentId} for the year, by organisation id. */
    Map<String, Target> childrenOf(String parentId, int year) {
        Map<String, Target> targets = new HashMap<>();
        mongo.find(Query.query(where("parentId").is(parentId).and("year").is(year)), Target.class)
                .forEach(t -> targets.put(t.organizationId(), t));
        return targets;
    }

    Target save(Target target) {
        return mongo.save(target);
    }
}
