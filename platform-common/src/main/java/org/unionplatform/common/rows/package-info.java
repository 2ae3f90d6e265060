/**
 * Rows of an uploaded CSV (UTF-8 or GBK) or XLSX file, read one at a time without holding the file: membership's
 * rosters and organization-service's company surveys, each with its own columns and per-row report.
 */
package org.unionplatform.common.rows;
