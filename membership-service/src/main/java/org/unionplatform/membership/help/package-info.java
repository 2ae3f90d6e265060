/**
 * Help cases (维权求助): a worker, member or not, asks the union for help with unpaid pay, platform penalties, a
 * blocked account, an injury and the like; the case lands with the union responsible, moves through its steps
 * with deadlines (escalated to the federation above when one is missed), keeps its attachments, meetings and
 * internal notes, and is closed with its outcome and the amount recovered. Owns {@code help_cases},
 * {@code help_attachments}, {@code help_attachment_chunks} and {@code help_sessions}.
 */
package org.unionplatform.membership.help;
