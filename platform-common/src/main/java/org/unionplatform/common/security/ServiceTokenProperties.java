package org.unionplatform.common.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.security.service-token.*}: how this service gets its own token to call another platform service
 * (OAuth 2.0 client credentials against the issuer's token endpoint).
 *
 * @param tokenUri      the issuer's token endpoint (organization-service, or any OIDC provider); several instances'
 *                      endpoints comma separated, the next asked when one cannot be reached
 * @param clientId      this service's client id; its application name unless set
 * @param clientSecret  from a Secret or the environment; without it no service token can be had
 * @param renewBefore   a cached token is renewed this long before it expires
 * @param timeout       connect and read timeout of the token request
 */
@ConfigurationProperties("platform.security.service-token")
public record ServiceTokenProperties(String tokenUri, String clientId, String clientSecret,
        @DefaultValue("60s") Duration renewBefore, @DefaultValue("2s") Duration timeout) {
}
