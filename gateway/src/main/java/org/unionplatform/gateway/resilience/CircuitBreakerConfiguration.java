package org.unionplatform.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionplatform.gateway.bodylimit.PayloadTooLargeException;

@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

    /** Every breaker the gateway creates (one per route id) gets these settings; only the time limit varies. */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> gatewayCircuitBreakers(CircuitBreakerProperties settings) {
        CircuitBreakerConfig breaker = breakerConfig(settings);
        return factory -> factory.configureDefault(routeId -> new Resilience4JConfigBuilder(routeId)
                .circuitBreakerConfig(breaker)
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(settings.timeLimitFor(routeId))
                        .cancelRunningFuture(true)
                        .build())
                .build());
    }

    static CircuitBreakerConfig breakerConfig(CircuitBreakerProperties settings) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .slowCallRateThreshold(settings.slowCallRateThreshold())
                .slowCallDurationThreshold(settings.slowCallDurationThreshold())
                .waitDurationInOpenState(settings.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // A client sending too much is not the backend failing.
                .ignoreExceptions(PayloadTooLargeException.class)
                .build();
    }
}
