package org.unionplatform.common.clients;

import java.time.Duration;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/**
 * The circuit breaker around one client of another service, every value set from the consumer's configuration:
 * Resilience4j's defaults wait for 100 calls before judging and stay open 60 s, far too slow for a request path.
 *
 * @param slidingWindowSize calls the failure rate is judged over
 * @param minimumCalls calls before the rate is judged at all
 * @param failureRateThreshold percent of failed (or slow) calls that opens the breaker
 * @param timeLimit a call slower than this fails (and counts as slow)
 * @param openFor how long the breaker stays open before letting trial calls through
 * @param halfOpenCalls trial calls in the half-open state
 */
public record BreakerSettings(int slidingWindowSize, int minimumCalls, float failureRateThreshold, Duration timeLimit,
        Duration openFor, int halfOpenCalls) {

    /** The customizer that configures the breaker named {@code breakerName} with these values. */
    public Customizer<Resilience4JCircuitBreakerFactory> customizer(String breakerName) {
        return factory -> factory.configure(builder -> builder
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(slidingWindowSize)
                        .minimumNumberOfCalls(minimumCalls)
                        .failureRateThreshold(failureRateThreshold)
                        .slowCallDurationThreshold(timeLimit)
                        .slowCallRateThreshold(100)
                        .waitDurationInOpenState(openFor)
                        .permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
                        .automaticTransitionFromOpenToHalfOpenEnabled(true)
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(timeLimit)
                        .cancelRunningFuture(true).build()),
                breakerName);
    }
}
