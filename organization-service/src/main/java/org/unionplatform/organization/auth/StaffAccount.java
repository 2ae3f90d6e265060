package org.unionplatform.organization.auth;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.security.Role;

/**
 * A staff member's sign-in account. The username is stored normalised (lower case) because the
 * embedded MongoDB does not enforce case-insensitive uniqueness. State changes go through targeted
 * updates in {@link StaffAccountRepository}, so a counter update never overwrites an administrator's change.
 */
@Document(StaffAccount.COLLECTION)
record StaffAccount(@Id String id, @Indexed(unique = true) String username, String passwordHash, Set<Role> roles,
        String orgId, @Indexed String orgPath, @Indexed(name = "stations") Set<String> stations, boolean enabled,
        int failedLogins, Instant lockedUntil, int lockouts, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    static final String COLLECTION = "staff_accounts";

    StaffAccount {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        stations = stations == null ? Set.of() : Set.copyOf(stations);
    }

    static String normalise(String username) {
        return username == null ? null : username.trim().toLowerCase(Locale.ROOT);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
