/**
 * Where a worker's application goes (asked by membership-service): the company's own union, a platform-based union
 * (platform aliases are configuration), the industry federation, the street's joint union, a joint union; else the
 * re-assignment queue of the place's county-level federation (docs/organizations.md).
 */
package org.unionplatform.organization.dispatch;
