package org.unionplatform.membership.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Member sign-in with card number and one-time code ({@code membership.sign-in.*}).
 *
 * @param organizationServiceUri where organization-service mints member tokens (its instances, comma separated)
 * @param connectTimeout         connecting to organization-service
 * @param readTimeout            waiting for its answer
 * @param codeTtl                how long a code is valid
 * @param codeAttempts           wrong guesses one code survives; then it is void
 * @param codeInterval           at most one code per card in this interval
 * @param codesPerHour           at most this many codes per card in any hour
 * @param lockout                wrong codes in a row per card before the card is locked, and for how long
 */
@ConfigurationProperties("membership.sign-in")
record SignInProperties(String organizationServiceUri, @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout, @DefaultValue("5m") Duration codeTtl,
        @DefaultValue("5") int codeAttempts, @DefaultValue("60s") Duration codeInterval,
        @DefaultValue("5") int codesPerHour, @DefaultValue Lockout lockout) {

    /**
     * @param threshold     failed sign-ins in a row that lock the card
     * @param firstDuration the first lock; each further lock in a row doubles it
     * @param maxDuration   the longest lock
     */
    record Lockout(@DefaultValue("10") int threshold, @DefaultValue("5m") Duration firstDuration,
            @DefaultValue("1h") Duration maxDuration) {

        Duration durationAfter(int previousLockouts) {
            Duration duration = firstDuration.multipliedBy(1L << Math.min(previousLockouts, 16));
            return duration.compareTo(maxDuration) > 0 ? maxDuration : duration;
        }
    }
}
