/**
 * Union activities (joining ceremonies, talks, check-ups, job fairs...): an organizer publishes one at a station or
 * an address; members and, where it is open to all, other gig workers sign up from the phone, with a waiting list
 * promoted in order; attendance is taken at the door by the sign-up code or the member's card or QR code and is
 * announced as {@code activity.attended} (the member's timeline and the organisation's activity figures).
 */
package org.unionplatform.membership.activity;
