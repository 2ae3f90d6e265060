package org.unionplatform.organization.progress;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.unionplatform.common.events.ReceivedEvent;
import org.unionplatform.organization.events.MembershipApproved;
import org.unionplatform.organization.events.MembershipTransferred;
import org.unionplatform.organization.events.MembershipWithdrawn;
import org.unionplatform.organization.tally.Counters;
import org.unionplatform.organization.tally.Tally;
import org.unionplatform.organization.tally.TallyRepository;
import org.unionplatform.organization.tree.OrganizationRepository;

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
 * {@code Subscriptions} binds the three handlers to the {@code membership-progress} queue.
 */
@Component
public class MembershipProgress {

    private final TallyRepository tallies;
    private final OrganizationRepository organizations;

    MembershipProgress(TallyRepository tallies, OrganizationRepository organizations) {
        this.tallies = tallies;
        this.organizations = organizations;
    }

    public void onApproved(MembershipApproved approved, ReceivedEvent event) {
        count(event, approved.approvedAt(), approved.workerType(),
                Map.of(path(approved.organizationId(), approved.orgPath()), 1L));
    }

    public void onTransferred(MembershipTransferred transferred, ReceivedEvent event) {
        Map<String, Long> paths = new LinkedHashMap<>();
        paths.put(path(transferred.fromOrganizationId(), transferred.fromOrgPath()), -1L);
        paths.merge(path(transferred.toOrganizationId(), transferred.toOrgPath()), 1L, Long::sum);
        count(event, transferred.transferredAt(), transferred.workerType(), paths);
    }

    public void onWithdrawn(MembershipWithdrawn withdrawn, ReceivedEvent event) {
        count(event, withdrawn.withdrawnAt(), withdrawn.workerType(),
                Map.of(path(withdrawn.organizationId(), withdrawn.orgPath()), -1L));
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
                List<String> ids = Tally.idsOf(path);
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
        YearMonth month = Tally.monthOf(at);
        tallies.applyEvent(event.id(), all, month, period);
    }
}
