package org.unionplatform.station.visit;

/** Whether the visitor is a known member. */
public enum Verification {
    /** No member card: counted by the worker type the attendant chose. */
    ANONYMOUS,
    /** membership-service confirmed the card or QR token. */
    VERIFIED,
    /** membership-service could not be asked; verified automatically later. */
    PENDING,
    /** Asked later, membership-service knew no such card: the visit stays, without a member. */
    UNMATCHED
}
