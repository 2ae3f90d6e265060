package org.unionplatform.common.orgpath;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.unionplatform.common.events.EventBusAutoConfiguration;
import org.unionplatform.common.events.EventSubscription;

/**
 * Follows {@code organization.moved} in every service that keeps organisation-scoped documents, so that
 * scope filters ({@code orgPath} prefixes) stay right after organization-service moves a subtree.
 * organization-service itself owns the tree and turns this off ({@code platform.org-paths.follow-moves=false}).
 */
@AutoConfiguration(after = EventBusAutoConfiguration.class)
@ConditionalOnBean({MongoOperations.class, org.unionplatform.common.events.AppliedEvents.class})
@ConditionalOnProperty(name = "platform.org-paths.follow-moves", havingValue = "true", matchIfMissing = true)
public class OrgPathAutoConfiguration {

    record OrganizationMoved(String organizationId, String oldPath, String newPath) {
    }

    @Bean
    OrgPathRewriter orgPathRewriter(MongoOperations mongo) {
        return new OrgPathRewriter(mongo, OrgPathRewriter.scopedCollections(mongo));
    }

    @Bean
    EventSubscription organizationMovesSubscription(OrgPathRewriter rewriter) {
        return EventSubscription.of("organization-moves", event -> {
            OrganizationMoved moved = event.payload(OrganizationMoved.class);
            rewriter.rewrite(moved.oldPath(), moved.newPath());
        }, "organization.moved");
    }
}
