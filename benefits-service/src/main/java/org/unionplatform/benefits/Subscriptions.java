package org.unionplatform.benefits;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.unionplatform.benefits.events.MembershipApproved;
import org.unionplatform.benefits.events.OrganizationMoved;
import org.unionplatform.benefits.welcome.WelcomePacks;
import org.unionplatform.common.events.EventSubscription;
import org.unionplatform.common.orgpath.OrgPathRewriter;

/**
 * Everything benefits-service consumes: one queue per purpose, the event records bound to it and the handler
 * each calls (docs/events.md lists the same). The purposes are the queue names; never rename one.
 */
@Configuration(proxyBeanMethods = false)
class Subscriptions {

    /** The collections whose documents carry a top-level {@code orgPath} (scope filters match on it). */
    static final List<String> SCOPED_COLLECTIONS = List.of("programs", "grants", "claims", "welcome_queue");

    @Bean
    EventSubscription welcomePacksSubscription(WelcomePacks welcomePacks) {
        return EventSubscription.forPurpose("welcome-packs")
                .on(MembershipApproved.class, welcomePacks::onApproved)
                .build();
    }

    /** A moved subtree: every stored scope path under the old path gets the new prefix. */
    @Bean
    EventSubscription organizationMovesSubscription(MongoOperations mongo) {
        var rewriter = new OrgPathRewriter(mongo, SCOPED_COLLECTIONS);
        return EventSubscription.forPurpose("organization-moves")
                .on(OrganizationMoved.class, (moved, event) -> rewriter.rewrite(moved.oldPath(), moved.newPath()))
                .build();
    }
}
