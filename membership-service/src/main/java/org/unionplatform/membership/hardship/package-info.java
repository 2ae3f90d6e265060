/**
 * The hardship register (困难职工建档): benefit officers register members of their subtree as in hardship with the
 * reason, evidence, who checked it and a review date, review or end a registration, and list registrations with the
 * due reviews first; the lapse round records registrations not reviewed by their date; the member reads their own
 * status. The rules and the history are the member's {@code HardshipFile}; benefits-service reads the outcome
 * through the eligibility question.
 */
package org.unionplatform.membership.hardship;
