package org.unionplatform.membership.client;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dispatch question's resilience (membership.dispatch.*). Every value is set explicitly: the library defaults
 * (100 calls before the breaker judges, 60 s open) do not suit one small client.
 *
 * @param organizationServiceUri where organization-service answers (its instances, comma separated)
 * @param retryAttempts attempts per dispatch question (the question has no side effect, so retrying is safe)
 * @param retryWait pause between attempts
 * @param breakerWindow calls the breaker judges over
 * @param breakerMinimumCalls calls before it judges at all
 * @param breakerFailureRate percentage of failures that opens it
 * @param breakerOpenFor how long it stays open before letting trial calls through
 * @param breakerHalfOpenCalls trial calls in the half-open state
 */
@ConfigurationProperties("membership.dispatch")
record OrganizationDirectoryProperties(String organizationServiceUri, int retryAttempts, Duration retryWait,
        int breakerWindow, int breakerMinimumCalls, float breakerFailureRate, Duration breakerOpenFor,
        int breakerHalfOpenCalls) {
}
