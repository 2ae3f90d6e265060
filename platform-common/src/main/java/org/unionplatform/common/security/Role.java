package org.unionplatform.common.security;

import java.util.Optional;

/**
 * The platform's roles, as carried in the token's {@code roles} claim. Spring authorities are
 * {@code ROLE_<name>}, so {@code @PreAuthorize("hasRole('ORGANIZER')")} works as expected.
 */
public enum Role {
    /** Everything, everywhere; manages staff accounts and keys. */
    ADMIN,
    /** Organising work within an organisation subtree. */
    ORGANIZER,
    /** Benefits and aid within an organisation subtree. */
    BENEFIT_OFFICER,
    /** Front desk of the named stations only. */
    STATION_ATTENDANT,
    /** A union member: their own record only. */
    MEMBER,
    /** Another platform service calling on its own behalf (client credentials); only endpoints that name it. */
    SERVICE;

    public String authority() {
        return "ROLE_" + name();
    }

    /** The role a claim value names, or empty for values this platform does not know (ignored, never fatal). */
    static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.name().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
