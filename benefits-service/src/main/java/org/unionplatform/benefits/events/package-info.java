/**
 * The events of benefits-service: a record per event it publishes ({@code benefit.granted}, {@code benefit.revoked},
 * {@code claim.decided}, each a {@link org.unionplatform.common.events.DomainEvent}) and its own records of the
 * fields it reads from other services' events. Bound to handlers in {@code Subscriptions}; every row is listed in
 * docs/events.md.
 */
package org.unionplatform.benefits.events;
