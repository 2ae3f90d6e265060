package org.unionplatform.organization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionplatform.common.events.EventSubscription;
import org.unionplatform.organization.events.HardshipLapsed;
import org.unionplatform.organization.events.HardshipRegistered;
import org.unionplatform.organization.events.HelpCaseClosed;
import org.unionplatform.organization.events.HelpCaseOpened;
import org.unionplatform.organization.events.MembershipApproved;
import org.unionplatform.organization.events.MembershipTransferred;
import org.unionplatform.organization.events.MembershipWithdrawn;
import org.unionplatform.organization.events.StationOpened;
import org.unionplatform.organization.helpcase.HelpCaseTally;
import org.unionplatform.organization.progress.HardshipFigures;
import org.unionplatform.organization.progress.MembershipProgress;
import org.unionplatform.organization.station.KnownStations;

/**
 * Everything organization-service consumes. It owns the tree, so it does not follow {@code organization.moved}:
 * a move rewrites this service's stored paths in the same request ({@code tree.PathRewriter}).
 */
@Configuration(proxyBeanMethods = false)
class Subscriptions {

    /** Member growth per organisation and month, counted up the tree (docs/organizations.md). */
    @Bean
    EventSubscription membershipProgressSubscription(MembershipProgress progress) {
        return EventSubscription.forPurpose("membership-progress")
                .on(MembershipApproved.class, progress::onApproved)
                .on(MembershipTransferred.class, progress::onTransferred)
                .on(MembershipWithdrawn.class, progress::onWithdrawn)
                .build();
    }

    /**
     * Who runs each station: dispatch sends a worker who joins at one to its union; organizers bind attendants to
     * the stations of their subtree only (docs/organizations.md).
     */
    @Bean
    EventSubscription knownStationsSubscription(KnownStations stations) {
        return EventSubscription.forPurpose("known-stations")
                .on(StationOpened.class, stations::onOpened)
                .build();
    }

    /** Help cases opened and closed, counted up the tree for the monthly report (docs/organizations.md). */
    @Bean
    EventSubscription helpCasesSubscription(HelpCaseTally helpCases) {
        return EventSubscription.forPurpose("help-cases")
                .on(HelpCaseOpened.class, helpCases::onOpened)
                .on(HelpCaseClosed.class, helpCases::onClosed)
                .build();
    }

    /** Members registered as in hardship per organisation, counted up the tree (docs/organizations.md). */
    @Bean
    EventSubscription hardshipFiguresSubscription(HardshipFigures figures) {
        return EventSubscription.forPurpose("hardship-figures")
                .on(HardshipRegistered.class, figures::onRegistered)
                .on(HardshipLapsed.class, figures::onLapsed)
                .build();
    }
}
