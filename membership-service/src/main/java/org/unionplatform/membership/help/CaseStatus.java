package org.unionplatform.membership.help;

/** The steps of a case, in their only order; each but CLOSED has a deadline ({@code membership.help.deadlines}). */
public enum CaseStatus {
    /** Filed by the worker, waiting for the union to take it up. */
    FILED,
    /** The union took it up. */
    ACCEPTED,
    /** The union is finding out what happened (papers, the platform's records, witnesses). */
    INVESTIGATING,
    /** Meetings with the company or platform. */
    MEDIATION,
    /** Closed with an {@link CaseOutcome}. */
    CLOSED
}
