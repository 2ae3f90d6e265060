package org.unionplatform.organization.founding;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;

/** Foundings in MongoDB. */
@Component
class FoundingRepository {

    private final MongoTemplate mongo;

    FoundingRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The founding if its parent is in the caller's subtree; 404 otherwise (existence does not leak). */
    Founding requireVisible(String id, Caller caller) {
        return AccessScope.of(caller).requireInSubtree(Optional.ofNullable(mongo.findById(id, Founding.class)),
                Founding::orgPath, "Founding", id);
    }

    Page<Founding> page(Criteria criteria, Pageable pageable) {
        Query query = Query.query(criteria);
        long total = mongo.count(query, Founding.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), Founding.class), pageable, total);
    }

    Founding insert(Founding founding) {
        return mongo.insert(founding);
    }

    Founding save(Founding founding) {
        return mongo.save(founding);
    }
}
