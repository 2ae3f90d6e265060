package org.unionplatform.gateway.cors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * A web filter (not the gateway's globalcors) so that one setting covers the routes and the gateway's own
 * endpoints alike, and can be set from a single environment variable.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    CorsWebFilter corsWebFilter(CorsProperties properties) {
        var config = new org.springframework.web.cors.CorsConfiguration();
        config.setAllowedOrigins(properties.allowedOrigins());
        config.setAllowedMethods(properties.allowedMethods());
        config.setAllowedHeaders(properties.allowedHeaders());
        config.setExposedHeaders(properties.exposedHeaders());
        config.setAllowCredentials(properties.allowCredentials());
        config.setMaxAge(properties.maxAge());
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return new CorsWebFilter(source);
    }
}
