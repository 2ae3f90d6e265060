package org.unionplatform.benefits;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.mongo.IndexCoverage;
import org.unionplatform.testsupport.mongo.QueryShapes;
import org.unionplatform.testsupport.mongo.RunLast;

/**
 * Every query this service sent during the run (start-up, sweeps, and all the ITs that ran before this one: it runs
 * last) is served by an index its start-up created. Run alone it checks what start-up and the sweeps send. A new
 * query shape needs its index on the @Document ({@code @Indexed}, {@code @CompoundIndex}); the failure names it.
 */
@RunLast
class IndexCoverageIT extends BenefitsIT {

    @Test
    void everyQueryTheServiceSentIsServedByAnIndex() {
        IndexCoverage.of(mongo.getDb()).check(QueryShapes.recorded());
    }
}
