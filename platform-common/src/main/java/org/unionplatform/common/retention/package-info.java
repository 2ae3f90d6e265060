/**
 * Retention: records that expire (inbox entries, idempotency keys). A TTL index where MongoDB honours it, and a
 * bounded periodic delete everywhere, because the embedded MongoDB of {@code ./run.sh} ignores TTL indexes.
 */
package org.unionplatform.common.retention;
