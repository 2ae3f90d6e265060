package org.unionplatform.membership;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.unionplatform.testsupport.mongo.IndexCoverage;
import org.unionplatform.testsupport.mongo.QueryShapes;
import org.unionplatform.testsupport.mongo.RunLast;

/**
 * Every query this service sent during the run (start-up, sweeps, and all the ITs that ran before this one: it runs
 * last) is served by an index its start-up created. Run alone it checks what start-up and the sweeps send. A new
 * query shape needs its index on the @Document ({@code @Indexed}, {@code @CompoundIndex}); the failure names it.
 */
@RunLast
class IndexCoverageIT extends MembershipIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void everyQueryTheServiceSentIsServedByAnIndex() {
        IndexCoverage.of(mongo.getDb()).check(QueryShapes.recorded());
    }
}
