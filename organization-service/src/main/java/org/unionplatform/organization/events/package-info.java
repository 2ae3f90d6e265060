/**
 * The events of organization-service: the records it publishes ({@code DomainEvent}, registered by the tree's and
 * the companies' aggregates) and its own records of the membership events it reads (bound in
 * {@code Subscriptions}). docs/events.md lists them; {@code EventsDocumentationTest} keeps the two in step.
 */
package org.unionplatform.organization.events;
