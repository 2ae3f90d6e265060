/**
 * The monthly report of a subtree (JSON and XLSX with Chinese headings), built from the tallies and targets.
 */
package org.unionplatform.organization.report;
