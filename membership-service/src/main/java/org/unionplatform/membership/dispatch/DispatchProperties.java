package org.unionplatform.membership.dispatch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How applications are dispatched (membership.dispatch.*). Every resilience value is set explicitly: the
 * library defaults (100 calls before the breaker judges, 60 s open) do not suit one small client.
 *
 * @param organizationServiceUri where organization-service answers
 * @param retryAttempts attempts per dispatch question (the question has no side effect, so retrying is safe)
 * @param retryWait pause between attempts
 * @param breakerWindow calls the breaker judges over
 * @param breakerMinimumCalls calls before it judges at all
 * @param breakerFailureRate percentage of failures that opens it
 * @param breakerOpenFor how long it stays open before letting trial calls through
 * @param breakerHalfOpenCalls trial calls in the half-open state
 * @param redispatchInterval how often waiting applications are offered again
 * @param redispatchBatch how many waiting applications one round takes
 * @param redispatchBackoffMax the longest pause for one application between attempts
 */
@ConfigurationProperties("membership.dispatch")
public record DispatchProperties(String organizationServiceUri, int retryAttempts, Duration retryWait,
        int breakerWindow, int breakerMinimumCalls, float breakerFailureRate, Duration breakerOpenFor,
        int breakerHalfOpenCalls, Duration redispatchInterval, int redispatchBatch, Duration redispatchBackoffMax) {
}
