package org.unionplatform.membership.client;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.unionplatform.common.failover.FailoverInterceptor;
import org.unionplatform.common.failover.ServiceAddresses;
import org.unionplatform.common.security.ServiceTokens;
import org.unionplatform.common.web.ServiceUnavailableException;

/**
 * Asks organization-service, which alone holds the signing keys, for a member's access token
 * ({@code POST /api/auth/member-token}), with this service's own SERVICE token. Any failure to get one,
 * including the issuer being unreachable, is a 503: the member simply tries again shortly. Built by the sign-in
 * feature's configuration, which holds its address (or its instances' addresses, comma separated: the next is asked
 * when one cannot be reached) and timeouts.
 */
public class MemberTokenClient {

    private static final Logger log = LoggerFactory.getLogger(MemberTokenClient.class);

    private final RestClient http;
    private final ServiceTokens serviceTokens;

    public MemberTokenClient(String organizationServiceUri, Duration connectTimeout, Duration readTimeout,
            ServiceTokens serviceTokens) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(connectTimeout);
        requests.setReadTimeout(readTimeout);
        ServiceAddresses instances = ServiceAddresses.of(organizationServiceUri);
        this.http = RestClient.builder().baseUrl(instances.first()).requestFactory(requests)
                .requestInterceptor(new FailoverInterceptor(instances)).build();
        this.serviceTokens = serviceTokens;
    }

    record MemberTokenRequest(String memberId) {
    }

    public record MemberToken(String accessToken, String tokenType, long expiresIn) {
    }

    public MemberToken issue(String memberId) {
        String authorization = serviceTokens.authorizationHeader();
        try {
            MemberToken token = http.post().uri("/api/auth/member-token")
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                    .body(new MemberTokenRequest(memberId))
                    .retrieve().body(MemberToken.class);
            if (token == null || token.accessToken() == null) {
                throw unavailable();
            }
            return token;
        } catch (RestClientException e) {
            // A 4xx here means this service's configuration is wrong, not the member's input: log it for operators.
            log.warn("organization-service gave no member token: {}", e.getMessage());
            throw unavailable();
        }
    }

    private static ServiceUnavailableException unavailable() {
        return new ServiceUnavailableException("organization-service",
                "Sign-in is not possible right now; please try again shortly. Your code stays valid until it expires.");
    }
}
