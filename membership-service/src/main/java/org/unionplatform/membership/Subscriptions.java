package org.unionplatform.membership;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.unionplatform.common.events.EventSubscription;
import org.unionplatform.common.orgpath.OrgPathRewriter;
import org.unionplatform.membership.events.AttendedActivity;
import org.unionplatform.membership.events.BenefitGranted;
import org.unionplatform.membership.events.BenefitRevoked;
import org.unionplatform.membership.events.CheckinRecorded;
import org.unionplatform.membership.events.CheckinVerified;
import org.unionplatform.membership.events.ClaimDecided;
import org.unionplatform.membership.events.FoundingStarted;
import org.unionplatform.membership.events.HelpCaseClosedNotice;
import org.unionplatform.membership.events.HelpCaseOpenedNotice;
import org.unionplatform.membership.events.OrganizationEstablished;
import org.unionplatform.membership.events.OrganizationMoved;
import org.unionplatform.membership.bulk.FoundingAdmissions;
import org.unionplatform.membership.history.Timelines;
import org.unionplatform.membership.organization.KnownOrganizations;

/**
 * Everything membership-service consumes: one queue per purpose, the event records bound to it and the handler
 * each calls (docs/events.md lists the same). The purposes are the queue names; never rename one.
 */
@Configuration(proxyBeanMethods = false)
class Subscriptions {

    /** The collections whose documents carry a top-level {@code orgPath} (scope filters match on it). */
    static final List<String> SCOPED_COLLECTIONS =
            List.of("members", "applications", "bulk_enrolments", "known_organizations", "help_cases",
                    "activities");

    @Bean
    EventSubscription serviceHistorySubscription(Timelines timelines) {
        return EventSubscription.forPurpose("service-history")
                .on(CheckinRecorded.class, (visit, event) -> timelines.onCheckinRecorded(visit))
                .on(CheckinVerified.class, (visit, event) -> timelines.onCheckinVerified(visit))
                .on(BenefitGranted.class, (grant, event) -> timelines.onBenefitGranted(grant))
                .on(BenefitRevoked.class, (revoked, event) -> timelines.onBenefitRevoked(revoked))
                .on(ClaimDecided.class, (claim, event) -> timelines.onClaimDecided(claim))
                .on(HelpCaseOpenedNotice.class, (opened, event) -> timelines.onHelpCaseOpened(opened))
                .on(HelpCaseClosedNotice.class, (closed, event) -> timelines.onHelpCaseClosed(closed))
                .on(AttendedActivity.class, (attended, event) -> timelines.onActivityAttended(attended))
                .build();
    }

    /**
     * The organisations members may be filed under. A union being founded is known from its start; when the union
     * above approves it ({@code organization.established}), the members held for it are admitted.
     */
    @Bean
    EventSubscription organizationDirectorySubscription(KnownOrganizations organizations,
            FoundingAdmissions admissions) {
        return EventSubscription.forPurpose("organization-directory")
                .on(FoundingStarted.class, (started, event) -> organizations.onFoundingStarted(started))
                .on(OrganizationEstablished.class, (established, event) -> {
                    organizations.onEstablished(established);
                    admissions.onEstablished(established.organizationId());
                })
                .on(OrganizationMoved.class, (moved, event) -> organizations.onMoved(moved))
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
