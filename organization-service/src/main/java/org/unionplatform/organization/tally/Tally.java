package org.unionplatform.organization.tally;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.time.ChinaTime;

/**
 * Running totals of one organisation's whole subtree (itself included) for one bucket: {@code all} (everything
 * so far), a year ({@code 2025}) or a month ({@code 2025-06}). Kept up to date on every ancestor when something happens, so subtree
 * questions are one read by {@code _id}, however large the tree (the embedded MongoDB ignores secondary
 * indexes; real MongoDB would need none for this either).
 *
 * @param id       {@code <organisationId>|<bucket>}
 * @param counters counter name -> value, e.g. {@code members:COURIER}, {@code companies:ESTABLISHED} (no dots: a dot would nest)
 * @param periods  on the {@code all} bucket only: the year and month buckets that exist (a move finds them by id)
 */
@Document(Tally.COLLECTION)
public record Tally(@Id String id, String organizationId, String bucket, Map<String, Long> counters, Set<String> periods,
        List<UUID> appliedEvents) {

    static final String COLLECTION = "tallies";
    public static final String ALL = "all";

    public Tally {
        counters = counters == null ? Map.of() : Map.copyOf(counters);
        periods = periods == null ? Set.of() : Set.copyOf(periods);
    }

    /** The ids along a materialized path, root first: "/a/b/c/" -> [a, b, c]. */
    public static List<String> idsOf(String path) {
        return Arrays.stream(path.split("/")).filter(id -> !id.isEmpty()).toList();
    }

    /** The month (Beijing time) an instant counts in. */
    public static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(ChinaTime.ZONE));
    }

    static String id(String organizationId, String bucket) {
        return organizationId + "|" + bucket;
    }

    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    /** Sum of every counter whose name starts with {@code prefix} (e.g. {@code members:}). */
    public long sum(String prefix) {
        return counters.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
