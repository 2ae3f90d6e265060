package org.unionplatform.membership.member;

/** How a member joined (the {@code channel} of membership.approved). */
public enum Channel {
    APPLICATION, BULK, ORGANIZER
}
