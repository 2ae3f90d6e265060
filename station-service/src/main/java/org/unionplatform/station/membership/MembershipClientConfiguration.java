package org.unionplatform.station.membership;

import org.springframework.context.annotation.Bean;
import org.unionplatform.common.security.ServiceTokens;

import feign.RequestInterceptor;

/**
 * Configuration of the membership client only (not component-scanned): every call carries this service's
 * own token (role SERVICE), never the attendant's.
 */
class MembershipClientConfiguration {

    @Bean
    RequestInterceptor serviceToken(ServiceTokens serviceTokens) {
        return template -> template.header("Authorization", serviceTokens.authorizationHeader());
    }
}
