/**
 * The append-only audit log every service writes to ({@link org.unionplatform.common.audit.AuditTrail}): who did
 * what to which target, with what outcome; actions are {@code <THING>_<PAST PARTICIPLE>}, targets
 * {@code <kind>:<id>}. Also the administrators' read endpoint over it.
 */
package org.unionplatform.common.audit;
