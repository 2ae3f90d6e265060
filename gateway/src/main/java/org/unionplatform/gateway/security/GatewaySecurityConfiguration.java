package org.unionplatform.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.unionplatform.gateway.problem.ProblemWriter;

/**
 * The gateway is an OAuth2 resource server with the services' rules (RS256 only, issuer, audience, exp/nbf with
 * at most 60 s skew, sub present). It rejects bad tokens early, so forged calls never reach a service; the
 * services check again themselves. The Authorization header travels on unchanged and the gateway adds no
 * identity header of its own: a service believes only the token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurityConfiguration {

    // A client keeps its token for minutes: the gateway verifies it once per this much time, not per request.
    private static final Duration TOKEN_CACHE_MAX_AGE = Duration.ofMinutes(2);
    private static final int TOKEN_CACHE_ENTRIES = 5_000;

    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewaySecurityProperties properties) {
        // Keys are fetched on the first token, so the gateway starts before organization-service; an unknown kid
        // makes the decoder fetch the set again once (key rotation).
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(properties));
        return new ValidatedTokenCache(decoder, TOKEN_CACHE_MAX_AGE, TOKEN_CACHE_ENTRIES, Clock.systemUTC());
    }

    static OAuth2TokenValidator<Jwt> validator(GatewaySecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                // JwtTimestampValidator accepts a token without exp: an endless token is refused here.
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience()),
                new JwtClaimValidator<>(JwtClaimNames.SUB, Objects::nonNull)));
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, GatewaySecurityProperties properties,
            ReactiveJwtDecoder decoder, ProblemWriter writer) {
        SecurityProblems problems = new SecurityProblems(writer);
        List<PublicPath> publicPaths = properties.publicPaths().stream().map(PublicPath::parse).toList();
        return http
                .authorizeExchange(exchanges -> exchanges
                        .matchers(new PublicPathsMatcher(publicPaths)).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                // Bearer tokens only: no session, no cookie, hence no CSRF exposure.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // Written by SecurityHeadersWebFilter, which also covers paths outside this chain's defaults.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .build();
    }
}
