/** The platform's one time zone for calendar questions. */
package org.unionplatform.common.time;
