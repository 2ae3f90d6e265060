/**
 * Applications to join: submission (self-service or by an organizer), dispatch to a union through
 * organization-service, the union's decision, and the background rounds that redispatch and escalate.
 */
package org.unionplatform.membership.application;
