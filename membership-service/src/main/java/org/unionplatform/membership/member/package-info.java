/**
 * Members: the member aggregate and its status changes, card numbers and QR tokens, the protected worker record
 * shared with applications and bulk enrolment, and the member endpoints (lists, counts, own record, the questions
 * station-service and benefits-service ask).
 */
package org.unionplatform.membership.member;
