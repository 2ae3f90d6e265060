package org.unionplatform.organization.dispatch;

/** Which rule chose the union, most specific first (docs/organizations.md). */
enum DispatchRule {
    /** The worker's company has its own union (it is established and covered). */
    COMPANY_UNION,
    /** A union built on the platform's own structure takes in that platform's workers in the division. */
    PLATFORM_UNION,
    /** The industry federation for the worker type whose division contains the worker's. */
    INDUSTRY_FEDERATION,
    /** The district/county (or street) federation for the worker's division. */
    REGIONAL_FEDERATION
}
