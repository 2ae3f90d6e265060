package org.unionplatform.testsupport.mongo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an index must serve in one query a service sent: the collection, the fields compared by equality (also
 * {@code $in}), the fields bounded by a range ({@code $gt/$lt}, an anchored regex, {@code $elemMatch}), and the
 * sort. Conditions no index narrows ({@code $ne}, {@code $nin}, {@code $exists}, {@code $expr}...) are left out:
 * they are applied to the documents the index found.
 *
 * @param origin the first platform class and method on the stack that sent it (where to look)
 */
public record QueryShape(String collection, String command, Set<String> equality, Set<String> range,
        List<SortKey> sort, String origin) {

    public QueryShape {
        equality = Collections.unmodifiableSet(new LinkedHashSet<>(equality));
        range = Collections.unmodifiableSet(new LinkedHashSet<>(range));
        sort = List.copyOf(sort);
    }

    /** One sort key: 1 ascending, -1 descending. */
    public record SortKey(String field, int direction) {

        @Override
        public String toString() {
            return field + ": " + direction;
        }
    }

    /** The sort keys not already fixed by an equality condition (those do not order anything). */
    List<SortKey> effectiveSort() {
        List<SortKey> effective = new ArrayList<>();
        for (SortKey key : sort) {
            if (!equality.contains(key.field())) {
                effective.add(key);
            }
        }
        return effective;
    }

    boolean isUnfiltered() {
        return equality.isEmpty() && range.isEmpty() && sort.isEmpty();
    }

    /** The same shape, wherever it came from. */
    String key() {
        return collection + "|" + new java.util.TreeSet<>(equality) + "|" + new java.util.TreeSet<>(range) + "|"
                + sort;
    }

    @Override
    public String toString() {
        String filter = equality.stream().sorted().map(f -> f + ": =").collect(Collectors.joining(", "));
        String ranges = range.stream().sorted().map(f -> f + ": range").collect(Collectors.joining(", "));
        String conditions = filter.isEmpty() ? ranges : ranges.isEmpty() ? filter : filter + ", " + ranges;
        return collection + " " + command + " {" + conditions + "}"
                + (sort.isEmpty() ? "" : " sort {" + sort.stream().map(SortKey::toString)
                        .collect(Collectors.joining(", ")) + "}")
                + (origin == null ? "" : " from " + origin);
    }
}
