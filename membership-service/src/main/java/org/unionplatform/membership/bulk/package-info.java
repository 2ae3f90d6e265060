/**
 * Bulk enrolment: an uploaded CSV or XLSX roster enrolled in the background in batches, with progress, a
 * per-line report, and resumption after an instance stopped.
 */
package org.unionplatform.membership.bulk;
