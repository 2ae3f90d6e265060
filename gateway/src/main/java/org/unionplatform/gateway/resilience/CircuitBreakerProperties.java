package org.unionplatform.gateway.resilience;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of every route's Resilience4j breaker (instance name = route id). All values are required on purpose:
 * the library defaults (judging only after 100 calls, 60 s open, a 1 s time limit) are wrong for a gateway.
 *
 * @param slidingWindowSize calls remembered (count based) to compute failure and slow-call rates
 * @param minimumNumberOfCalls calls needed before the rates are judged at all
 * @param failureRateThreshold percentage of failed calls that opens the breaker
 * @param slowCallRateThreshold percentage of slow calls that opens the breaker
 * @param slowCallDurationThreshold a call slower than this counts as slow
 * @param waitDurationInOpenState how long an open breaker answers with the fallback before probing again
 * @param permittedCallsInHalfOpenState probe calls let through when half open
 * @param timeLimit the whole call, retries included; a backstop above the route's response timeout
 * @param timeLimitPerRoute time limits for routes that need more (bulk upload)
 */
@ConfigurationProperties("platform.gateway.circuit-breaker")
record CircuitBreakerProperties(
        int slidingWindowSize,
        int minimumNumberOfCalls,
        float failureRateThreshold,
        float slowCallRateThreshold,
        Duration slowCallDurationThreshold,
        Duration waitDurationInOpenState,
        int permittedCallsInHalfOpenState,
        Duration timeLimit,
        Map<String, Duration> timeLimitPerRoute) {

    CircuitBreakerProperties {
        timeLimitPerRoute = timeLimitPerRoute == null ? Map.of() : Map.copyOf(timeLimitPerRoute);
        if (slidingWindowSize < 1 || minimumNumberOfCalls < 1 || permittedCallsInHalfOpenState < 1) {
            throw new IllegalArgumentException("platform.gateway.circuit-breaker: window, minimum calls and "
                    + "half-open calls must be at least 1");
        }
        if (slowCallDurationThreshold == null || waitDurationInOpenState == null || timeLimit == null) {
            throw new IllegalArgumentException("platform.gateway.circuit-breaker: every duration must be set");
        }
    }

    Duration timeLimitFor(String routeId) {
        return timeLimitPerRoute.getOrDefault(routeId, timeLimit);
    }
}
