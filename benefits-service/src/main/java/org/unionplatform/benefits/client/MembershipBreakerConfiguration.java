package org.unionplatform.benefits.client;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionplatform.benefits.config.BenefitsProperties;

/** The membership breaker, every value from {@code platform.benefits.membership-breaker}. */
@Configuration(proxyBeanMethods = false)
class MembershipBreakerConfiguration {

    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> membershipBreaker(BenefitsProperties properties) {
        return properties.membershipBreaker().settings().customizer(MembershipDirectory.BREAKER);
    }
}
