package org.unionplatform.organization.progress;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.organization.progress.TargetRequests.Allocation;
import org.unionplatform.organization.progress.TargetRequests.Progress;
import org.unionplatform.organization.progress.TargetRequests.TargetValues;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.Organizations;

/**
 * Yearly targets, split down the tree: for every worker type and for unions, the children's targets together
 * never exceed the parent's, and a target never falls below what its children already hold. An organizer sets
 * targets below the root of their scope (their own comes from the level above).
 */
@Service
public class TargetService {

    private final MongoTemplate mongo;
    private final Organizations organizations;
    private final Tallies tallies;
    private final Clock clock;

    TargetService(MongoTemplate mongo, Organizations organizations, Tallies tallies, Clock clock) {
        this.mongo = mongo;
        this.organizations = organizations;
        this.tallies = tallies;
        this.clock = clock;
    }

    public Optional<Target> find(String organizationId, int year) {
        return Optional.ofNullable(mongo.findById(Target.id(organizationId, year), Target.class));
    }

    /** Demo data: a target set earlier by the level above (the demo figures respect the split rule). */
    public Target seed(Organization organization, int year, Map<String, Long> newMembers, long unions, String by) {
        return mongo.save(new Target(Target.id(organization.id(), year), organization.id(), organization.parentId(),
                year, newMembers, unions, clock.instant(), by));
    }

    Target set(String organizationId, int year, TargetValues values, Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.ADMIN, Role.ORGANIZER);
        Organization organization = organizations.requireVisible(organizationId, caller);
        if (!caller.isAdmin() && organization.path().equals(caller.orgPath())) {
            throw new AccessDeniedException("Your own target is set by the level above.");
        }
        Target proposed = target(organization, year, values.newMembers(), zeroIfNull(values.unionsFounded()), caller);
        checkAgainstChildren(proposed);
        if (organization.parentId() != null) {
            find(organization.parentId(), year).ifPresent(parent -> {
                Map<String, Target> siblings = childrenTargets(parent.organizationId(), year);
                siblings.put(organizationId, proposed);
                checkWithinParent(parent, siblings.values(), "");
            });
        }
        return mongo.save(proposed);
    }

    /** Splits a parent's target among direct children in one go; the result must fit within the parent's. */
    List<Target> split(String parentId, int year, List<Allocation> allocations, Caller caller) {
        AccessScope.of(caller).requireAnyRole(Role.ADMIN, Role.ORGANIZER);
        Organization parent = organizations.requireVisible(parentId, caller);
        Target parentTarget = find(parentId, year).orElseThrow(() -> rule("parent-target-missing", "year",
                "Set a target for " + parentId + " in " + year + " before splitting it."));
        Map<String, Target> children = childrenTargets(parentId, year);
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
            checkAgainstChildren(target);
            proposed.put(child.id(), target);
        }
        children.putAll(proposed);
        checkWithinParent(parentTarget, children.values(), "allocations.");
        return proposed.values().stream().map(mongo::save).toList();
    }

    private Target target(Organization organization, int year, Map<String, Long> newMembers, long unions,
            Caller caller) {
        return new Target(Target.id(organization.id(), year), organization.id(), organization.parentId(), year,
                newMembers, unions, clock.instant(), caller.subject());
    }

    private Map<String, Target> childrenTargets(String parentId, int year) {
        Map<String, Target> targets = new HashMap<>();
        mongo.find(Query.query(where("parentId").is(parentId).and("year").is(year)), Target.class)
                .forEach(t -> targets.put(t.organizationId(), t));
        return targets;
    }

    private static void checkWithinParent(Target parent, java.util.Collection<Target> children, String fieldPrefix) {
        Set<String> types = new TreeSet<>(parent.newMembers().keySet());
        children.forEach(child -> types.addAll(child.newMembers().keySet()));
        for (String type : types) {
            long sum = children.stream().mapToLong(c -> c.newMembers().getOrDefault(type, 0L)).sum();
            long limit = parent.newMembers().getOrDefault(type, 0L);
            if (sum > limit) {
                throw rule("target-split-exceeds-parent", fieldPrefix + "newMembers." + type,
                        "The children's " + type + " targets add up to " + sum + ", more than the parent's "
                                + limit + ".");
            }
        }
        long unions = children.stream().mapToLong(Target::unionsFounded).sum();
        if (unions > parent.unionsFounded()) {
            throw rule("target-split-exceeds-parent", fieldPrefix + "unionsFounded", "The children's union targets"
                    + " add up to " + unions + ", more than the parent's " + parent.unionsFounded() + ".");
        }
    }

    private void checkAgainstChildren(Target proposed) {
        Map<String, Target> children = childrenTargets(proposed.organizationId(), proposed.year());
        if (!children.isEmpty()) {
            try {
                checkWithinParent(proposed, children.values(), "");
            } catch (PlatformProblemException belowChildren) {
                throw rule("target-below-children", "newMembers",
                        "The target is less than its children's targets add up to; lower theirs first.");
            }
        }
    }

    Progress progress(Organization organization, int year) {
        Optional<Target> target = find(organization.id(), year);
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

    static PlatformProblemException rule(String rule, String field, String detail) {
        return new BusinessRuleViolationException(rule, detail).with("field", field);
    }
}
