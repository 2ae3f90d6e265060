package org.unionplatform.common.security;

/** Names of the claims the platform's access tokens carry (see docs/security.md). */
public final class TokenClaims {

    public static final String ROLES = "roles";
    /** Id of the organisation that scopes an ORGANIZER or BENEFIT_OFFICER. */
    public static final String ORG = "org";
    /** Materialized path of the scope organisation, e.g. {@code /sx/xa/bl/}: a subtree check is a prefix check. */
    public static final String ORG_PATH = "org_path";
    /** Station ids a STATION_ATTENDANT serves. */
    public static final String STATIONS = "stations";
    /** A MEMBER's own member id. */
    public static final String MEMBER = "member";
    /** Display name (the staff username or the member's name); never used for decisions. */
    public static final String NAME = "name";

    private TokenClaims() {
    }
}
