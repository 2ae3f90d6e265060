package org.unionplatform.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers tokens the decoder accepted, by their exact text, so a client's next calls with the same token cost a
 * map look-up instead of parsing the JWT, verifying its RS256 signature and running the validators again (the
 * profile of check-ins through the gateway showed that as the gateway's largest own cost). An entry holds until
 * the token's expiry, at most {@code maxAge} (a key withdrawn from the JWKS stops a remembered token after that
 * at the latest; the services verify every token themselves anyway). Refused tokens are never remembered. Bounded:
 * past {@code maxEntries} the expired entries go, then, if still full, all of them.
 */
final class ValidatedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Duration maxAge;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    ValidatedTokenCache(ReactiveJwtDecoder delegate, Duration maxAge, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Entry known = entries.get(token);
        if (known != null) {
            if (clock.instant().isBefore(known.until())) {
                return Mono.just(known.jwt());
            }
            entries.remove(token, known);
        }
        return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
        Instant now = clock.instant();
        Instant until = now.plus(maxAge);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(token, new Entry(jwt, until));
    }

    int size() {
        return entries.size();
    }

    private record Entry(Jwt jwt, Instant until) {
    }
}
