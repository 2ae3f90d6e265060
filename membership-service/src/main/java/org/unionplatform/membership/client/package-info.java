/**
 * Clients of another service: organization-service's dispatch question ({@link
 * org.unionplatform.membership.client.OrganizationDispatchClient}) behind {@link
 * org.unionplatform.membership.client.OrganizationDirectory}, with its retry, breaker and degraded answer.
 */
package org.unionplatform.membership.client;
