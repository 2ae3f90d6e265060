/**
 * Clients of another service: membership-service's eligibility answer ({@link
 * org.unionplatform.benefits.client.MembershipClient}) behind {@link
 * org.unionplatform.benefits.client.MembershipDirectory}, with its service token, retry, breaker and degraded answer.
 */
package org.unionplatform.benefits.client;
