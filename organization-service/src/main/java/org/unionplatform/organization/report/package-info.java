/**
 * The monthly report of a subtree (JSON and XLSX with Chinese headings), built from the tallies, the targets and
 * the closed months' snapshots; closing months (scheduled, idempotent) is here too.
 */
package org.unionplatform.organization.report;
