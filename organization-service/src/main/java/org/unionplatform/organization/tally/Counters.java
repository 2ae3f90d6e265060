package org.unionplatform.organization.tally;

/** Names of the counters kept in tallies: one place, so writers and readers agree. */
public final class Counters {

    /** Net members by worker type (all bucket): approved + transferred in - transferred out - withdrawn. */
    public static final String MEMBERS = "members:";
    /** Net new members by worker type in a month bucket; same formula, counted in the month of the event. */
    public static final String NEW_MEMBERS = "newMembers:";
    /** Companies by status (all bucket), counted under the organisation responsible for them. */
    public static final String COMPANIES = "companies:";
    /** Organisations by kind, the subtree's root included (all bucket). */
    public static final String ORGANIZATIONS = "organizations:";
    /** Unions founded through the founding workflow (all bucket and the month of founding). */
    public static final String UNIONS_FOUNDED = "unionsFounded";

    private Counters() {
    }
}
