package org.unionplatform.common.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.unionplatform.common.failover.FailoverInterceptor;
import org.unionplatform.common.failover.ServiceAddresses;

/**
 * Makes a domain service an OAuth2 resource server: RS256 access tokens checked against the JWKS of
 * {@code platform.security.jwks-uri} (one address, or the issuer's instances comma separated), with issuer, audience, expiry and not-before; every path denied
 * unless it is a platform public path or listed in {@code platform.security.public-paths}; method
 * security on for {@code @PreAuthorize}; 401/403 as problem responses.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({PlatformSecurityProperties.class, ServiceTokenProperties.class})
@EnableWebSecurity
@EnableMethodSecurity
public class PlatformSecurityAutoConfiguration {

    /** Open on every service: probes, metrics scraped inside the cluster, the API description, the error page. */
    static final List<String> PLATFORM_PUBLIC_PATHS = List.of("/actuator/health", "/actuator/health/**",
            "/actuator/info", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**", "/error");

    // A client keeps its access token for minutes: verified once per this much time, not on every request.
    private static final Duration TOKEN_CACHE_MAX_AGE = Duration.ofMinutes(2);
    private static final int TOKEN_CACHE_ENTRIES = 5_000;

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(PlatformSecurityProperties properties, Environment environment) {
        // Built on first use: the organization-service reads its own JWKS, which is not served while it starts.
        return new ValidatedTokenCache(new SupplierJwtDecoder(() -> {
            String jwksUri = environment.getProperty("platform.security.jwks-uri");
            if (jwksUri == null || jwksUri.isBlank() || properties.issuer() == null || properties.issuer().isBlank()) {
                throw new IllegalStateException("platform.security.jwks-uri and platform.security.issuer must be set");
            }
            // Several instances of the issuer, comma separated: the keys are fetched from the next when one is down.
            ServiceAddresses issuers = ServiceAddresses.of(jwksUri);
            RestTemplate jwks = new RestTemplate();
            jwks.getInterceptors().add(new FailoverInterceptor(issuers));
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuers.first())
                    .restOperations(jwks)
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .build();
            decoder.setJwtValidator(validator(properties));
            return decoder;
        }), TOKEN_CACHE_MAX_AGE, TOKEN_CACHE_ENTRIES, Clock.systemUTC());
    }

    static OAuth2TokenValidator<Jwt> validator(PlatformSecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                // JwtTimestampValidator accepts a token without exp: an endless token is refused here.
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience()),
                new JwtClaimValidator<>(JwtClaimNames.SUB, Objects::nonNull)));
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, PlatformSecurityProperties properties) {
        SecurityProblems problems = new SecurityProblems();
        List<RequestMatcher> publicPaths = new ArrayList<>();
        PLATFORM_PUBLIC_PATHS.forEach(path -> publicPaths.add(matcher(path)));
        properties.publicPaths().forEach(path -> publicPaths.add(matcher(path)));
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(PlatformSecurityAutoConfiguration::authorities);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(publicPaths.toArray(RequestMatcher[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                // Bearer tokens only: no session, no cookie, hence no CSRF exposure.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    SecurityProblemAdvice securityProblemAdvice() {
        return new SecurityProblemAdvice();
    }

    @Bean
    WebMvcConfigurer callerArgumentConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return Caller.from(jwt).roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    /** {@code /path/**} for any method, or {@code POST /path} for one method. */
    static RequestMatcher matcher(String entry) {
        String trimmed = entry.trim();
        int space = trimmed.indexOf(' ');
        if (space > 0) {
            HttpMethod method = HttpMethod.valueOf(trimmed.substring(0, space).toUpperCase());
            return PathPatternRequestMatcher.withDefaults().matcher(method, trimmed.substring(space + 1).trim());
        }
        return PathPatternRequestMatcher.withDefaults().matcher(trimmed);
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceTokens serviceTokens(ServiceTokenProperties properties, Environment environment) {
        return new ServiceTokens(properties, environment.getProperty("spring.application.name", "unknown-service"),
                java.time.Clock.systemUTC());
    }
}
