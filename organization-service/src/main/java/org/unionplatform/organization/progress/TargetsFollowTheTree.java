package org.unionplatform.organization.progress;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.TreeFollower;

/**
 * Targets name their organisation's parent (the split rule reads the children's targets by it): a moved
 * organisation's targets of every year move to the new parent, a deleted one's targets go with it (freeing their
 * room in the parent's split).
 */
@Component
class TargetsFollowTheTree implements TreeFollower {

    private final MongoTemplate mongo;

    TargetsFollowTheTree(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void moved(Organization organization) {
        mongo.updateMulti(Query.query(where("organizationId").is(organization.id())),
                Update.update("parentId", organization.parentId()), Target.class);
    }

    @Override
    public void deleted(Organization organization) {
        mongo.remove(Query.query(where("organizationId").is(organization.id())), Target.class);
    }
}
