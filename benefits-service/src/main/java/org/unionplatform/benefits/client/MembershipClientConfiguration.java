package org.unionplatform.benefits.client;

import org.springframework.context.annotation.Bean;

import feign.Retryer;

/** Beans of the membership client only (deliberately not a @Configuration: not shared with other clients). */
class MembershipClientConfiguration {

    /** The eligibility read is idempotent: one retry after a connection failure, 100 ms later. */
    @Bean
    Retryer retryOnce() {
        return new Retryer.Default(100, 100, 2);
    }
}
