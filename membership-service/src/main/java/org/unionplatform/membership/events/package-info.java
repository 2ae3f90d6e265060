/**
 * The events of membership-service: a record per event it publishes ({@code membership.*}, each a
 * {@link org.unionplatform.common.events.DomainEvent}; no resident ID or phone in any of them) and its own records
 * of the fields it reads from other services' events. Bound to handlers in {@code Subscriptions}; every row is
 * listed in docs/events.md.
 */
package org.unionplatform.membership.events;
