/**
 * The events station-service publishes ({@code DomainEvent} records, registered by the {@code Station} and
 * {@code Visit} aggregates) and its own records of the events it reads (bound in the root package's
 * {@code Subscriptions}). docs/events.md lists them; {@code EventsDocumentationTest} keeps the two in step.
 */
package org.unionplatform.station.events;
