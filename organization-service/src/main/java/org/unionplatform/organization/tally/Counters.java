package org.unionplatform.organization.tally;

/** Names of the counters kept in tallies: one place, so writers and readers agree. */
public final class Counters {

    /** Net members by worker type (all bucket): approved + transferred in - transferred out - withdrawn. */
    public static final String MEMBERS = "members:";
    /** Gross new members (approvals) by worker type in a period bucket, counted in the month of the event. */
    public static final String NEW_MEMBERS = "newMembers:";
    /** Members who withdrew, by worker type, in a period bucket. */
    public static final String LEAVERS = "leavers:";
    /** Members transferred in from outside the subtree, by worker type, in a period bucket. */
    public static final String TRANSFERS_IN = "transfersIn:";
    /** Members transferred out of the subtree, by worker type, in a period bucket. */
    public static final String TRANSFERS_OUT = "transfersOut:";
    /** Companies by status (all bucket), counted under the organisation responsible for them. */
    public static final String COMPANIES = "companies:";
    /** Organisations by kind, the subtree's root included (all bucket). */
    public static final String ORGANIZATIONS = "organizations:";
    /** Unions founded through the founding workflow (all bucket and the month of the approval). */
    public static final String UNIONS_FOUNDED = "unionsFounded";

    /** Consultation rounds held (outcome recorded), in the month of the meeting day (all bucket too). */
    public static final String CONSULTATIONS_HELD = "consultationsHeld";

    /** Members registered as in hardship now (all bucket): +1 a registration, -1 a lapse or an end. */
    public static final String MEMBERS_IN_HARDSHIP = "membersInHardship";
    /** Hardship registrations in a period bucket. */
    public static final String HARDSHIP_REGISTERED = "hardshipRegistered";
    /** Hardship registrations that lapsed or ended, in a period bucket. */
    public static final String HARDSHIP_LAPSED = "hardshipLapsed";

    private Counters() {
    }
}
