package org.unionplatform.station.membership;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionplatform.station.StationProperties;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/** The membership breaker with every value set explicitly (Resilience4j's defaults wait for 100 calls). */
@Configuration(proxyBeanMethods = false)
class MembershipBreakerConfiguration {

    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> membershipBreaker(StationProperties properties) {
        StationProperties.Membership membership = properties.membership();
        return factory -> factory.configure(builder -> builder
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(membership.slidingWindowSize())
                        .minimumNumberOfCalls(membership.minimumCalls())
                        .failureRateThreshold(membership.failureRateThreshold())
                        .slowCallDurationThreshold(java.time.Duration.ofMillis(membership.readTimeoutMillis()))
                        .slowCallRateThreshold(100)
                        .waitDurationInOpenState(membership.openFor())
                        .permittedNumberOfCallsInHalfOpenState(membership.halfOpenCalls())
                        .automaticTransitionFromOpenToHalfOpenEnabled(false)
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(membership.timeLimit())
                        .cancelRunningFuture(true).build()),
                MemberCards.BREAKER);
    }
}
