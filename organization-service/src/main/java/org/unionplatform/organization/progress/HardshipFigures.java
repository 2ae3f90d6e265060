package org.unionplatform.organization.progress;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.unionplatform.common.events.ReceivedEvent;
import org.unionplatform.organization.events.HardshipLapsed;
import org.unionplatform.organization.events.HardshipRegistered;
import org.unionplatform.organization.tally.Counters;
import org.unionplatform.organization.tally.Tally;
import org.unionplatform.organization.tally.TallyRepository;
import org.unionplatform.organization.tree.OrganizationRepository;

/**
 * Members registered as in hardship (困难职工建档) per organisation, counted up the tree from membership-service's
 * register: {@code membersInHardship} (all bucket) rises with a registration and falls with a lapse or an end;
 * registrations and lapses are also counted in the month of the event. Applied once per tally document, like the
 * member figures; the organisation's path is today's (the event's for one this service does not know).
 */
@Component
public class HardshipFigures {

    private final TallyRepository tallies;
    private final OrganizationRepository organizations;

    HardshipFigures(TallyRepository tallies, OrganizationRepository organizations) {
        this.tallies = tallies;
        this.organizations = organizations;
    }

    public void onRegistered(HardshipRegistered registered, ReceivedEvent event) {
        count(event, registered.organizationId(), registered.orgPath(), registered.registeredAt(), 1L,
                Counters.HARDSHIP_REGISTERED);
    }

    public void onLapsed(HardshipLapsed lapsed, ReceivedEvent event) {
        count(event, lapsed.organizationId(), lapsed.orgPath(), lapsed.lapsedAt(), -1L, Counters.HARDSHIP_LAPSED);
    }

    private void count(ReceivedEvent event, String organizationId, String eventPath, Instant at, long change,
            String periodCounter) {
        if (at == null) {
            throw new IllegalArgumentException(event + " lacks its time");
        }
        String path = organizations.byId(organizationId).map(o -> o.path()).orElse(eventPath);
        if (path == null) {
            return;
        }
        Map<String, Map<String, Long>> all = new HashMap<>();
        Map<String, Map<String, Long>> period = new HashMap<>();
        for (String id : Tally.idsOf(path)) {
            all.put(id, Map.of(Counters.MEMBERS_IN_HARDSHIP, change));
            period.put(id, Map.of(periodCounter, 1L));
        }
        tallies.applyEvent(event.id(), all, Tally.monthOf(at), period);
    }
}
