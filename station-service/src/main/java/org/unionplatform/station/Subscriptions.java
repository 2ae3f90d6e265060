package org.unionplatform.station;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.unionplatform.common.events.EventSubscription;
import org.unionplatform.common.orgpath.OrgPathRewriter;
import org.unionplatform.station.counting.VisitDay;
import org.unionplatform.station.counting.VisitMonth;
import org.unionplatform.station.events.OrganizationMoved;
import org.unionplatform.station.station.Station;
import org.unionplatform.station.visit.Visit;

/**
 * Everything station-service consumes from the event bus, one bean per queue
 * ({@code station-service.<purpose>}).
 */
@Configuration(proxyBeanMethods = false)
class Subscriptions {

    /**
     * The collections whose documents carry the operating organisation's {@code orgPath}: stations, their visits
     * and the station-day and station-month counters (scope filters and roll-ups by organisation read it).
     */
    static final List<String> ORG_PATH_COLLECTIONS = List.of(Station.COLLECTION, Visit.COLLECTION,
            VisitDay.COLLECTION, VisitMonth.COLLECTION);

    /** organization-service moved a subtree: the stored scope paths under it follow. */
    @Bean
    EventSubscription organizationMoves(MongoOperations mongo) {
        OrgPathRewriter rewriter = new OrgPathRewriter(mongo, ORG_PATH_COLLECTIONS);
        return EventSubscription.forPurpose("organization-moves")
                .on(OrganizationMoved.class, (moved, event) -> rewriter.rewrite(moved.oldPath(), moved.newPath()))
                .build();
    }
}
