/**
 * A member's own rights over their personal data (PIPL): who read it and when (from the audit log) and a download
 * of everything this service holds about them. Reads the other features' records; nothing depends on it.
 */
package org.unionplatform.membership.privacy;
