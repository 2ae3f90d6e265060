/**
 * The safety net in the logs: Logback converters that mask resident ID numbers and mobile numbers that reach a log
 * line by mistake, in messages and in stack traces.
 */
package org.unionplatform.common.pii.logging;
