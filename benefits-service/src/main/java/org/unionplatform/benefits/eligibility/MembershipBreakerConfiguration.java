package org.unionplatform.benefits.eligibility;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionplatform.benefits.config.BenefitsProperties;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/** The membership breaker with every value set from configuration (the library defaults are not used). */
@Configuration(proxyBeanMethods = false)
class MembershipBreakerConfiguration {

    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> membershipBreaker(BenefitsProperties properties) {
        BenefitsProperties.Breaker values = properties.membershipBreaker();
        return factory -> factory.configure(builder -> builder
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(values.slidingWindowSize())
                        .minimumNumberOfCalls(values.minimumNumberOfCalls())
                        .failureRateThreshold(values.failureRateThreshold())
                        .slowCallDurationThreshold(values.timeLimit())
                        .slowCallRateThreshold(100)
                        .waitDurationInOpenState(values.waitInOpenState())
                        .permittedNumberOfCallsInHalfOpenState(values.callsInHalfOpenState())
                        .automaticTransitionFromOpenToHalfOpenEnabled(true)
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(values.timeLimit())
                        .cancelRunningFuture(true)
                        .build()), MembershipDirectory.BREAKER);
    }
}
