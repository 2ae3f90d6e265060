package org.unionplatform.common.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.security.*}: where the issuer's public keys are, whose tokens to accept, and which
 * paths of this service are public (everything else needs a valid token).
 *
 * @param jwksUri     JWKS address, or the issuer's instances' addresses comma separated (the next asked when one
 *                    cannot be reached); read again on first use, so {@code ${local.server.port}} may appear in it
 * @param issuer      expected {@code iss}
 * @param audience    expected entry of {@code aud}
 * @param clockSkew   tolerance for {@code exp}/{@code nbf}; at most 60 s
 * @param publicPaths this service's own public paths, {@code /path/**} or {@code POST /path}
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(String jwksUri, String issuer, @DefaultValue("union-platform") String audience,
        @DefaultValue("60s") Duration clockSkew, @DefaultValue List<String> publicPaths) {

    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    public PlatformSecurityProperties {
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("platform.security.clock-skew must be between 0 and 60 s");
        }
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
