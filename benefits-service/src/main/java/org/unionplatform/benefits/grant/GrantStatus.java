package org.unionplatform.benefits.grant;

/**
 * GRANTED: issued (final unless revoked). REVOKED: taken back within the program's window, budget and stock
 * returned. CANCELLED: a tombstone, never issued: an issuance that was abandoned (it took longer than its
 * lease, or crashed) and may no longer complete, so its reservation can safely be released.
 */
public enum GrantStatus {
    GRANTED, REVOKED, CANCELLED
}
