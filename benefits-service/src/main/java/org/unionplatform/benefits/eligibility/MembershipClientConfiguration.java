package org.unionplatform.benefits.eligibility;

import org.springframework.context.annotation.Bean;
import org.unionplatform.common.security.ServiceTokens;

import feign.RequestInterceptor;
import feign.Retryer;

/** Beans of the membership client only (deliberately not a @Configuration: not shared with other clients). */
class MembershipClientConfiguration {

    /** The call carries this service's own token (role SERVICE), never the officer's. */
    @Bean
    RequestInterceptor serviceToken(ServiceTokens serviceTokens) {
        return request -> request.header("Authorization", serviceTokens.authorizationHeader());
    }

    /** The eligibility read is idempotent: one retry after a connection failure, 100 ms later. */
    @Bean
    Retryer retryOnce() {
        return new Retryer.Default(100, 100, 2);
    }
}
