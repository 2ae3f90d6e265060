package org.unionplatform.organization.tree;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.unionplatform.common.security.Caller;
import org.unionplatform.organization.tally.Counters;
import org.unionplatform.organization.tally.Tally;
import org.unionplatform.organization.tally.TallyRepository;
import org.unionplatform.organization.tree.OrganizationRequests.SubtreeSummary;

/** Read-side views of the tree built from the tallies. */
@Component
class OrganizationViews {

    private final OrganizationRepository organizations;
    private final TallyRepository tallies;

    OrganizationViews(OrganizationRepository organizations, TallyRepository tallies) {
        this.organizations = organizations;
        this.tallies = tallies;
    }

    /** Subtree totals: one read of the organisation's tally, whatever the size of the subtree. */
    SubtreeSummary summary(String id, Caller caller) {
        Organization root = organizations.requireVisible(id, caller);
        Map<String, Long> counters = tallies.counters(root.id(), Tally.ALL);
        Map<String, Long> kinds = group(counters, Counters.ORGANIZATIONS);
        Map<String, Long> members = group(counters, Counters.MEMBERS);
        long organizationsTotal = kinds.values().stream().mapToLong(Long::longValue).sum();
        return new SubtreeSummary(root.id(), root.path(), Math.max(0, organizationsTotal - 1), kinds,
                members.values().stream().mapToLong(Long::longValue).sum(), members,
                group(counters, Counters.COMPANIES), counters.getOrDefault(Counters.UNIONS_FOUNDED, 0L),
                counters.getOrDefault(Counters.MEMBERS_IN_HARDSHIP, 0L));
    }

    static Map<String, Long> group(Map<String, Long> counters, String prefix) {
        Map<String, Long> group = new LinkedHashMap<>();
        counters.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && e.getValue() != 0)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> group.put(e.getKey().substring(prefix.length()), e.getValue()));
        return group;
    }
}
