/**
 * Running subtree totals per organisation and bucket (all time, year, month): counter deltas applied with
 * {@code $inc} up the tree, so subtree questions are one read by id. The lowest feature: it knows no other.
 */
package org.unionplatform.organization.tally;
