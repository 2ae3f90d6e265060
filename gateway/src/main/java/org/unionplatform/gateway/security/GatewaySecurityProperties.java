package org.unionplatform.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.security.*}, the same names and meaning as on every domain service: whose tokens the gateway
 * accepts, and which paths pass without one (everything else needs a valid token).
 *
 * @param jwksUri     JWKS address; read on the first request that carries a token, not at start-up
 * @param issuer      expected {@code iss}
 * @param audience    expected entry of {@code aud}
 * @param clockSkew   tolerance for {@code exp}/{@code nbf}; at most 60 s
 * @param publicPaths {@code /path/**} (any method) or {@code POST /path} (one method)
 */
@ConfigurationProperties("platform.security")
record GatewaySecurityProperties(String jwksUri, String issuer, @DefaultValue("union-platform") String audience,
        @DefaultValue("60s") Duration clockSkew, @DefaultValue List<String> publicPaths) {

    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    GatewaySecurityProperties {
        if (jwksUri == null || jwksUri.isBlank() || issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("platform.security.jwks-uri and platform.security.issuer must be set");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("platform.security.clock-skew must be between 0 and 60 s");
        }
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
