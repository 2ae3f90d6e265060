package org.unionplatform.membership.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How waiting applications are offered again (membership.dispatch.*; the client's own settings under the same
 * prefix are {@code OrganizationDirectoryProperties}).
 *
 * @param redispatchInterval how often waiting applications are offered again
 * @param redispatchBatch how many waiting applications one round takes
 * @param redispatchBackoffMax the longest pause for one application between attempts
 */
@ConfigurationProperties("membership.dispatch")
record DispatchProperties(Duration redispatchInterval, int redispatchBatch, Duration redispatchBackoffMax) {
}
