package org.unionplatform.membership.activity;

/** CONFIRMED holds a place; WAITING is on the waiting list (promoted in order); CANCELLED gave it up. */
public enum SignUpStatus {
    CONFIRMED,
    WAITING,
    CANCELLED
}
