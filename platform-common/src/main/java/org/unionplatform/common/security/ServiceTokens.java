package org.unionplatform.common.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.unionplatform.common.failover.FailoverInterceptor;
import org.unionplatform.common.failover.ServiceAddresses;
import org.unionplatform.common.web.ServiceUnavailableException;

/**
 * This service's own bearer token for calls to another platform service, fetched with the client-credentials
 * grant and cached until shortly before it expires. When the issuer cannot be reached, callers get a
 * {@link ServiceUnavailableException} and take their documented degraded path. The token endpoint may name every
 * instance of the issuer, comma separated ({@link ServiceAddresses}).
 */
public class ServiceTokens {

    private final ServiceTokenProperties properties;
    private final String clientId;
    private final Clock clock;
    private final ServiceAddresses issuer;
    private final RestClient http;
    private volatile Cached cached;

    public ServiceTokens(ServiceTokenProperties properties, String applicationName, Clock clock) {
        this.properties = properties;
        this.clientId = properties.clientId() == null || properties.clientId().isBlank()
                ? applicationName : properties.clientId();
        this.clock = clock;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());
        this.issuer = properties.tokenUri() == null || properties.tokenUri().isBlank() ? null
                : ServiceAddresses.of(properties.tokenUri());
        RestClient.Builder http = RestClient.builder().requestFactory(requests);
        if (issuer != null) {
            http.requestInterceptor(new FailoverInterceptor(issuer));
        }
        this.http = http.build();
    }

    /** The value for an {@code Authorization} header. */
    public String authorizationHeader() {
        return "Bearer " + token();
    }

    public String token() {
        Cached current = cached;
        if (current != null && clock.instant().isBefore(current.renewAt())) {
            return current.token();
        }
        synchronized (this) {
            current = cached;
            if (current != null && clock.instant().isBefore(current.renewAt())) {
                return current.token();
            }
            cached = fetch();
            return cached.token();
        }
    }

    private Cached fetch() {
        if (issuer == null || properties.clientSecret() == null || properties.clientSecret().isBlank()) {
            throw new ServiceUnavailableException("token-issuer",
                    "This service has no client credentials configured (platform.security.service-token.*).");
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", clientId);
        form.add("client_secret", properties.clientSecret());
        try {
            Map<?, ?> response = http.post().uri(issuer.first())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().body(Map.class);
            if (response == null || !(response.get("access_token") instanceof String token)) {
                throw new ServiceUnavailableException("token-issuer", "The token issuer gave no access token.");
            }
            long expiresIn = response.get("expires_in") instanceof Number n ? n.longValue() : 60;
            Instant renewAt = clock.instant().plusSeconds(expiresIn).minus(properties.renewBefore());
            return new Cached(token, renewAt);
        } catch (HttpClientErrorException e) {
            throw new ServiceUnavailableException("token-issuer",
                    "The token issuer refused this service's client credentials (platform.security.service-token.*).");
        } catch (RestClientException e) {
            throw new ServiceUnavailableException("token-issuer",
                    "The token issuer cannot be reached right now; please try again shortly.");
        }
    }

    private record Cached(String token, Instant renewAt) {
    }
}
