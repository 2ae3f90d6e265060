/**
 * Welcome packs: a new member (membership-service's {@code membership.approved}) gets one pack from the most
 * specific open welcome-pack program covering their union, or waits in the queue until stock arrives (moving to the
 * next open program when theirs closes); officers and organizers read the queue.
 */
package org.unionplatform.benefits.welcome;
