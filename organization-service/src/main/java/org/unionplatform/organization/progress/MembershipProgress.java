package org.unionplatform.organization.progress;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionplatform.common.events.EventSubscription;
import org.unionplatform.common.events.ReceivedEvent;
import org.unionplatform.organization.progress.MembershipEvents.Approved;
import org.unionplatform.organization.progress.MembershipEvents.Transferred;
import org.unionplatform.organization.progress.MembershipEvents.Withdrawn;
import org.unionplatform.organization.tree.Organizations;

/**
 * Counts member growth from membership events across the tree. Each event contributes a signed count to
 * every organisation on its path, in the month of the event's own timestamp (not of its arrival):
 * approved +1; transferred -1 along the old path and +1 along the new one (ancestors both share see 0);
 * withdrawn -1. Contributions are additions, so they commute: an event that arrives out of order (a
 * withdrawal before the approval of the same member, a transfer before the approval) is simply added, never
 * dropped as an impossible transition, and the totals equal the sum once everything has arrived. Each tally
 * document applies an event at most once (the inbox drops redeliveries; {@code upsertOnce} covers a crash
 * half-way). The path is today's path of the organisation (so events that arrive after a move count where the
 * organisation now is); the event's own path is used only for organisations this service does not know.
 */
@Configuration(proxyBeanMethods = false)
class MembershipProgress {

    private static final Logger log = LoggerFactory.getLogger(MembershipProgress.class);

    private final Tallies tallies;
    private final Organizations organizations;

    MembershipProgress(Tallies tallies, Organizations organizations) {
        this.tallies = tallies;
        this.organizations = organizations;
    }

    @Bean
    EventSubscription membershipProgressSubscription() {
        return EventSubscription.of("membership-progress", this::apply, "membership.approved",
                "membership.transferred", "membership.withdrawn");
    }

    void apply(ReceivedEvent event) {
        switch (event.type()) {
            case "membership.approved" -> {
                Approved approved = event.payload(Approved.class);
                count(event, approved.approvedAt(), approved.workerType(),
                        Map.of(path(approved.organizationId(), approved.orgPath()), 1L));
            }
            case "membership.transferred" -> {
                Transferred transferred = event.payload(Transferred.class);
                Map<String, Long> paths = new LinkedHashMap<>();
                paths.put(path(transferred.fromOrganizationId(), transferred.fromOrgPath()), -1L);
                paths.merge(path(transferred.toOrganizationId(), transferred.toOrgPath()), 1L, Long::sum);
                count(event, transferred.transferredAt(), transferred.workerType(), paths);
            }
            case "membership.withdrawn" -> {
                Withdrawn withdrawn = event.payload(Withdrawn.class);
                count(event, withdrawn.withdrawnAt(), withdrawn.workerType(),
                        Map.of(path(withdrawn.organizationId(), withdrawn.orgPath()), -1L));
            }
            default -> log.debug("Ignoring {}", event);
        }
    }

    private String path(String organizationId, String eventPath) {
        return organizations.byId(organizationId).map(o -> o.path()).orElse(eventPath);
    }

    /** Sums the signed contributions per organisation id over the given paths, then applies them once. */
    private void count(ReceivedEvent event, Instant at, String workerType, Map<String, Long> signByPath) {
        if (at == null || workerType == null) {
            throw new IllegalArgumentException(event + " lacks its time or worker type");
        }
        Map<String, Long> byId = new LinkedHashMap<>();
        signByPath.forEach((path, sign) -> {
            if (path != null) {
                List<String> ids = Tallies.idsOf(path);
                ids.forEach(id -> byId.merge(id, sign, Long::sum));
            }
        });
        Map<String, Map<String, Long>> all = new HashMap<>();
        Map<String, Map<String, Long>> period = new HashMap<>();
        byId.forEach((id, delta) -> {
            if (delta != 0) {
                all.put(id, Map.of(Counters.MEMBERS + workerType, delta));
                period.put(id, Map.of(Counters.NEW_MEMBERS + workerType, delta));
            }
        });
        YearMonth month = Tallies.monthOf(at);
        tallies.applyEvent(event.id(), all, month, period);
    }
}
