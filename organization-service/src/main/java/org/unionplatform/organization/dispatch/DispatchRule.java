package org.unionplatform.organization.dispatch;

/** Which rule chose the organisation, most specific first (docs/organizations.md). */
enum DispatchRule {
    /** The worker joined at a station (a Drivers' Home): the union that runs it, if it admits the worker type. */
    STATION,
    /** The worker's company has its own union (it is established and covered). */
    COMPANY_UNION,
    /** A union built on the platform's own structure takes in that platform's workers in the place. */
    PLATFORM_UNION,
    /** The industry federation for the worker type whose area contains the worker's place. */
    INDUSTRY_FEDERATION,
    /** The joint union (or the union) of the worker's street or town, found by its 9-digit township code. */
    STREET_UNION,
    /** A joint or regional union whose area contains the worker's county. */
    JOINT_UNION,
    /**
     * No union that admits matched: the county-level federation of the place (else the nearest city or province
     * federation) receives the application in its re-assignment queue and hands it to a union below.
     */
    REASSIGNMENT
}
