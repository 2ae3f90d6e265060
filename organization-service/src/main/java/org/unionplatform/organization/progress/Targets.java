package org.unionplatform.organization.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.organization.progress.TargetRequests.Allocation;
import org.unionplatform.organization.progress.TargetRequests.Progress;
import org.unionplatform.organization.progress.TargetRequests.ProgressResponse;
import org.unionplatform.organization.progress.TargetRequests.TargetValues;
import org.unionplatform.organization.tally.Counters;
import org.unionplatform.organization.tally.TallyRepository;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationRepository;

/**
 * Yearly targets, split down the tree: for every worker type and for unions, the children's targets together
 * never exceed the parent's, and a target never falls below what its children already hold. An organizer sets
 * targets below the root of their scope (their own comes from the level above).
 */
@Service
public class Targets {

    private final TargetRepository targets;
    private final OrganizationRepository organizations;
    private final TallyRepository tallies;
    private final Clock clock;

    Targets(TargetRepository targets, OrganizationRepository organizations, TallyRepository tallies, Clock clock) {
        this.targets = targets;
        this.organizations = organizations;
        this.tallies = tallies;
        this.clock = clock;
    }

    Target get(String organizationId, int year, Caller caller) {
        Organization organization = organizations.requireVisible(organizationId, caller);
        return targets.find(organization.id(), year)
                .orElseThrow(() -> new ResourceNotFoundException("Target", organizationId + "/" + year));
    }

    /** Demo data: a target set earlier by the level above (the demo figures respect the split rule). */
    public Target seed(Organization organization, int year, Map<String, Long> newMembers, long unions, String by) {
        return targets.save(new Target(Target.id(organization.id(), year), organization.id(), organization.parentId(),
                year, newMembers, unions, clock.instant(), by));
    }

    Target set(String organizationId, int year, TargetValues values, Caller caller) {
        Organization organization = organizations.requireVisible(organizationId, caller);
        if (!caller.isAdmin() && organization.path().equals(caller.orgPath())) {
            throw new AccessDeniedException("Your own target is set by the level above.");
        }
        Target proposed = target(organization, year, values.newMembers(), zeroIfNull(values.unionsFounded()), caller);
        proposed.requireNotBelow(targets.childrenOf(proposed.organizationId(), year).values());
        if (organization.parentId() != null) {
            targets.find(organization.parentId(), year).ifPresent(parent -> {
                Map<String, Target> siblings = targets.childrenOf(parent.organizationId(), year);
                siblings.put(organizationId, proposed);
                parent.requireRoomFor(siblings.values(), "");
            });
        }
        return targets.save(proposed);
    }

    /** Splits a parent's target among direct children in one go; the result must fit within the parent's. */
    List<Target> split(String parentId, int year, List<Allocation> allocations, Caller caller) {
        organizations.requireVisible(parentId, caller);
        Target parentTarget = targets.find(parentId, year).orElseThrow(() -> rule("parent-target-missing", "year",
                "Set a target for " + parentId + " in " + year + " before splitting it."));
        Map<String, Target> children = targets.childrenOf(parentId, year);
        Map<String, Target> proposed = new LinkedHashMap<>();
        for (int i = 0; i < allocations.size(); i++) {
            Allocation allocation = allocations.get(i);
            String field = "allocations[" + i + "].organizationId";
            Organization child = organizations.byId(allocation.organizationId())
                    .filter(o -> parentId.equals(o.parentId()))
                    .orElseThrow(() -> rule("target-split-child", field,
                            allocation.organizationId() + " is not a child of " + parentId + "."));
            if (proposed.containsKey(child.id())) {
                throw rule("target-split-child", field, child.id() + " appears twice.");
            }
            Target target = target(child, year, allocation.newMembers(), zeroIfNull(allocation.unionsFounded()), caller);
            target.requireNotBelow(targets.childrenOf(target.organizationId(), year).values());
            proposed.put(child.id(), target);
        }
        children.putAll(proposed);
        parentTarget.requireRoomFor(children.values(), "allocations.");
        return proposed.values().stream().map(targets::save).toList();
    }

    private Target target(Organization organization, int year, Map<String, Long> newMembers, long unions,
            Caller caller) {
        return new Target(Target.id(organization.id(), year), organization.id(), organization.parentId(), year,
                newMembers, unions, clock.instant(), caller.subject());
    }

    /** Target against what the subtree achieved this year, for the organisation and each of its children. */
    ProgressResponse progress(String organizationId, int year, Caller caller) {
        Organization organization = organizations.requireVisible(organizationId, caller);
        List<Organization> children = organizations.children(organization.id()).stream()
                .sorted(Comparator.comparing(Organization::id)).toList();
        return new ProgressResponse(progress(organization, year),
                children.stream().map(child -> progress(child, year)).toList());
    }

    private Progress progress(Organization organization, int year) {
        Optional<Target> target = targets.find(organization.id(), year);
        Map<String, Long> counters = tallies.counters(organization.id(), String.valueOf(year));
        Map<String, Long> achieved = new LinkedHashMap<>();
        counters.forEach((name, value) -> {
            if (name.startsWith(Counters.NEW_MEMBERS)) {
                achieved.put(name.substring(Counters.NEW_MEMBERS.length()), value);
            }
        });
        long achievedTotal = achieved.values().stream().mapToLong(Long::longValue).sum();
        long unions = counters.getOrDefault(Counters.UNIONS_FOUNDED, 0L);
        Map<String, Long> targetMembers = target.map(Target::newMembers).orElse(Map.of());
        Map<String, Double> completion = new LinkedHashMap<>();
        targetMembers.forEach((type, goal) -> completion.put(type, percent(achieved.getOrDefault(type, 0L), goal)));
        return new Progress(organization.id(), organization.name(), year, targetMembers,
                target.map(Target::totalNewMembers).orElse(0L), target.map(Target::unionsFounded).orElse(0L),
                achieved, achievedTotal, unions, completion,
                target.map(t -> percent(achievedTotal, t.totalNewMembers())).orElse(null),
                target.map(t -> percent(unions, t.unionsFounded())).orElse(null));
    }

    /** Percentage with one decimal, half up; null when there is no goal to measure against. */
    public static Double percent(long achieved, long goal) {
        if (goal <= 0) {
            return null;
        }
        return BigDecimal.valueOf(achieved).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(goal), 1, RoundingMode.HALF_UP).doubleValue();
    }

    private static long zeroIfNull(Long value) {
        return value == null ? 0 : value;
    }

    private static PlatformProblemException rule(String rule, String field, String detail) {
        return Target.rule(rule, field, detail);
    }
}
