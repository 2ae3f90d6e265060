package org.unionplatform.common.clients;

import org.springframework.context.annotation.Bean;
import org.unionplatform.common.security.ServiceTokens;

import feign.RequestInterceptor;

/**
 * Configuration of one Feign client of another service ({@code @FeignClient(configuration = ...)}), deliberately
 * not a {@code @Configuration}: every call carries this service's own token (role SERVICE), never the caller's.
 */
public class ServiceTokenRequests {

    @Bean
    RequestInterceptor serviceToken(ServiceTokens serviceTokens) {
        return request -> request.header("Authorization", serviceTokens.authorizationHeader());
    }
}
