package org.unionplatform.benefits.program;

import java.time.Instant;

/**
 * Money and items held on a program for one grant or claim that is not final yet. Kept inside the program
 * document, so taking it and settling it are each one conditional single-document update, and each
 * happens at most once per {@code ref}.
 *
 * @param ref   the grant or claim id
 * @param kind  GRANT or CLAIM (what the recovery sweep looks at to settle it)
 * @param slot  the per-member limit slot the grant occupies (null for claims and welcome packs)
 */
public record Reservation(String ref, String kind, long amountFen, long items, String slot, Instant at) {

    public static final String GRANT = "GRANT";
    public static final String CLAIM = "CLAIM";
    /** A welcome pack: completed by the event's redelivery or the next restock, never cancelled. */
    public static final String WELCOME = "WELCOME";
}
