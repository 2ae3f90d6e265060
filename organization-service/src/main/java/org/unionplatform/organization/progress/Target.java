package org.unionplatform.organization.progress;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.PlatformProblemException;

/**
 * An organisation's target for a year: new members by worker type and unions to found. Children's targets
 * together never exceed their parent's; the checks are here, the caller gives the targets they concern.
 *
 * @param id {@code <organisationId>|<year>}
 */
@Document(Target.COLLECTION)
public record Target(@Id String id, @Indexed String organizationId, @Indexed String parentId, int year,
        Map<String, Long> newMembers, long unionsFounded, Instant setAt, String setBy) {

    static final String COLLECTION = "targets";

    public Target {
        newMembers = newMembers == null ? Map.of() : Map.copyOf(newMembers);
    }

    public static String id(String organizationId, int year) {
        return organizationId + "|" + year;
    }

    public long totalNewMembers() {
        return newMembers.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The children's targets, together, fit within this one: for every worker type and for unions (422
     * {@code target-split-exceeds-parent} otherwise, naming the field under {@code fieldPrefix}).
     */
    void requireRoomFor(Collection<Target> children, String fieldPrefix) {
        Set<String> types = new TreeSet<>(newMembers.keySet());
        children.forEach(child -> types.addAll(child.newMembers().keySet()));
        for (String type : types) {
            long sum = children.stream().mapToLong(c -> c.newMembers().getOrDefault(type, 0L)).sum();
            long limit = newMembers.getOrDefault(type, 0L);
            if (sum > limit) {
                throw rule("target-split-exceeds-parent", fieldPrefix + "newMembers." + type,
                        "The children's " + type + " targets add up to " + sum + ", more than the parent's "
                                + limit + ".");
            }
        }
        long unions = children.stream().mapToLong(Target::unionsFounded).sum();
        if (unions > unionsFounded) {
            throw rule("target-split-exceeds-parent", fieldPrefix + "unionsFounded", "The children's union targets"
                    + " add up to " + unions + ", more than the parent's " + unionsFounded + ".");
        }
    }

    /** A new target never falls below what its children already hold together (422 {@code target-below-children}). */
    void requireNotBelow(Collection<Target> children) {
        if (children.isEmpty()) {
            return;
        }
        try {
            requireRoomFor(children, "");
        } catch (PlatformProblemException belowChildren) {
            throw rule("target-below-children", "newMembers",
                    "The target is less than its children's targets add up to; lower theirs first.");
        }
    }

    static PlatformProblemException rule(String rule, String field, String detail) {
        return new BusinessRuleViolationException(rule, detail).with("field", field);
    }
}
