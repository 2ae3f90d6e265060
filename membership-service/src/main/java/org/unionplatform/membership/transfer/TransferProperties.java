package org.unionplatform.membership.transfer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code membership.transfers}: how long a transfer request waits for the receiving union and the member. */
@ConfigurationProperties("membership.transfers")
record TransferProperties(Duration consentWithin) {
}
