package org.unionplatform.membership.member;

/** How a member joined (the {@code channel} of membership.approved). */
public enum Channel {
    APPLICATION, BULK, ORGANIZER,
    /** A withdrawn member admitted again (a new application or an organizer's re-admission). */
    REJOIN
}
