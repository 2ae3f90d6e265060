/**
 * Welcome packs: a new member (membership-service's {@code membership.approved}) gets one pack from the most
 * specific open welcome-pack program covering their union, or waits in that program's queue until stock arrives.
 */
package org.unionplatform.benefits.welcome;
