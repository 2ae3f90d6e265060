package org.unionplatform.organization.progress;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organisation's target for a year: new members by worker type and unions to found. Children's targets
 * together never exceed their parent's.
 *
 * @param id {@code <organisationId>|<year>}
 */
@Document(Target.COLLECTION)
public record Target(@Id String id, String organizationId, @Indexed String parentId, int year,
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
}
