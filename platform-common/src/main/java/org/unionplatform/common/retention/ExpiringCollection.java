package org.unionplatform.common.retention;

import java.time.Duration;

/**
 * Documents of {@code collection} expire {@code after} the date in {@code field}; documents without that field
 * never do. Declare one as a bean, or under {@code platform.retention.collections}.
 */
public record ExpiringCollection(String collection, String field, Duration after) {

    public ExpiringCollection {
        if (collection == null || collection.isBlank() || field == null || field.isBlank()) {
            throw new IllegalArgumentException("An expiring collection needs a collection and a date field");
        }
        if (after == null || after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("The retention of " + collection + " must be positive");
        }
    }
}
