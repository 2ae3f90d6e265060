/**
 * Which grassroots union handles a worker's application (asked by membership-service): the company's own union,
 * a platform-based union, the industry federation, then the regional federation (docs/organizations.md).
 */
package org.unionplatform.organization.dispatch;
