package org.unionplatform.membership.dispatch;

import org.springframework.context.annotation.Bean;
import org.unionplatform.common.security.ServiceTokens;

import feign.RequestInterceptor;

/** Not a @Configuration on purpose: it applies to the dispatch client only. */
class ServiceTokenInterceptorConfiguration {

    @Bean
    RequestInterceptor serviceToken(ServiceTokens serviceTokens) {
        return template -> template.header("Authorization", serviceTokens.authorizationHeader());
    }
}
