package org.unionplatform.station.client;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionplatform.station.StationProperties;

/** The breaker around {@link MemberCards}, every value from {@code platform.station.membership}. */
@Configuration(proxyBeanMethods = false)
class MembershipBreakerConfiguration {

    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> membershipBreaker(StationProperties properties) {
        return properties.membership().breaker().customizer(MemberCards.BREAKER);
    }
}
