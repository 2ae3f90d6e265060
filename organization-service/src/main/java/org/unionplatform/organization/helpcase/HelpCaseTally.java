package org.unionplatform.organization.helpcase;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.unionplatform.common.events.ReceivedEvent;
import org.unionplatform.organization.events.HelpCaseClosed;
import org.unionplatform.organization.events.HelpCaseOpened;
import org.unionplatform.organization.tally.Tally;
import org.unionplatform.organization.tally.TallyRepository;
import org.unionplatform.organization.tree.OrganizationRepository;

/**
 * Counts help cases up the tree, in the month of the event's own time (Beijing time): opened by kind, closed by
 * outcome, resolved within the deadline, fen recovered. Additions applied once per tally document, like member
 * growth ({@code progress.MembershipProgress}); {@code Subscriptions} binds it to the {@code help-cases} queue.
 */
@Component
public class HelpCaseTally {

    /** Counter names: one place, so the tally and the report agree. */
    public static final String OPENED = "helpCasesOpened:";
    public static final String CLOSED = "helpCasesClosed:";
    public static final String RESOLVED_IN_TIME = "helpCasesResolvedInTime";
    public static final String AMOUNT_FEN = "helpCasesAmountFen";

    private final TallyRepository tallies;
    private final OrganizationRepository organizations;

    HelpCaseTally(TallyRepository tallies, OrganizationRepository organizations) {
        this.tallies = tallies;
        this.organizations = organizations;
    }

    public void onOpened(HelpCaseOpened opened, ReceivedEvent event) {
        count(event, opened.organizationId(), opened.orgPath(), opened.openedAt(), Map.of(OPENED + opened.kind(), 1L));
    }

    public void onClosed(HelpCaseClosed closed, ReceivedEvent event) {
        Map<String, Long> deltas = new HashMap<>();
        deltas.put(CLOSED + closed.outcome(), 1L);
        if (closed.resolvedWithinDeadline()) {
            deltas.put(RESOLVED_IN_TIME, 1L);
        }
        if (closed.amountRecoveredFen() > 0) {
            deltas.put(AMOUNT_FEN, closed.amountRecoveredFen());
        }
        count(event, closed.organizationId(), closed.orgPath(), closed.closedAt(), deltas);
    }

    private void count(ReceivedEvent event, String organizationId, String eventPath, Instant at,
            Map<String, Long> deltas) {
        if (at == null) {
            throw new IllegalArgumentException(event + " lacks its time");
        }
        String path = organizations.byId(organizationId).map(o -> o.path()).orElse(eventPath);
        if (path == null) {
            return;
        }
        Map<String, Map<String, Long>> byId = new HashMap<>();
        Tally.idsOf(path).forEach(id -> byId.put(id, deltas));
        tallies.applyEvent(event.id(), byId, Tally.monthOf(at), byId);
    }
}
