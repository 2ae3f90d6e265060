package org.unionplatform.organization.progress;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

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
 * Counts member growth from membership events across the tree, as separate gross figures in the month of the
 * event's own timestamp (Beijing time, not of its arrival): an approval is a new member, a withdrawal a leaver, a
 * transfer a transfer out along the old path and a transfer in along the new one (ancestors both paths share see
 * neither: the member stayed in their subtree). The net count of members ({@code members:}, all bucket) moves with
 * them. Contributions are additions, so they commute: an event that arrives out of order (a withdrawal before the
 * approval of the same member) is simply added, never dropped as an impossible transition, and the totals equal
 * the sum once everything has arrived. Each tally document applies an event at most once (the inbox drops
 * redeliveries; {@code upsertOnce} covers a crash half-way). The path is today's path of the organisation (so
 * events that arrive after a move count where the organisation now is); the event's own path is used only for
 * organisations this service does not know. {@code Subscriptions} binds the three handlers to the
 * {@code membership-progress} queue.
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
                ids(approved.organizationId(), approved.orgPath()), Counters.NEW_MEMBERS, Set.of(), null);
    }

    public void onTransferred(MembershipTransferred transferred, ReceivedEvent event) {
        count(event, transferred.transferredAt(), transferred.workerType(),
                ids(transferred.toOrganizationId(), transferred.toOrgPath()), Counters.TRANSFERS_IN,
                ids(transferred.fromOrganizationId(), transferred.fromOrgPath()), Counters.TRANSFERS_OUT);
    }

    public void onWithdrawn(MembershipWithdrawn withdrawn, ReceivedEvent event) {
        count(event, withdrawn.withdrawnAt(), withdrawn.workerType(), Set.of(), null,
                ids(withdrawn.organizationId(), withdrawn.orgPath()), Counters.LEAVERS);
    }

    private Set<String> ids(String organizationId, String eventPath) {
        String path = organizations.byId(organizationId).map(o -> o.path()).orElse(eventPath);
        return path == null ? Set.of() : new LinkedHashSet<>(Tally.idsOf(path));
    }

    /**
     * The organisations gaining the member count {@code gained} (+1 member), those losing them {@code lost} (-1
     * member); one in both sees nothing. Applied once per tally document.
     */
    private void count(ReceivedEvent event, Instant at, String workerType, Set<String> gaining, String gained,
            Set<String> losing, String lost) {
        if (at == null || workerType == null) {
            throw new IllegalArgumentException(event + " lacks its time or worker type");
        }
        Map<String, Map<String, Long>> all = new HashMap<>();
        Map<String, Map<String, Long>> period = new HashMap<>();
        gaining.stream().filter(id -> !losing.contains(id)).forEach(id -> {
            all.put(id, Map.of(Counters.MEMBERS + workerType, 1L));
            period.put(id, Map.of(gained + workerType, 1L));
        });
        losing.stream().filter(id -> !gaining.contains(id)).forEach(id -> {
            all.put(id, Map.of(Counters.MEMBERS + workerType, -1L));
            period.put(id, Map.of(lost + workerType, 1L));
        });
        YearMonth month = Tally.monthOf(at);
        tallies.applyEvent(event.id(), all, month, period);
    }
}
