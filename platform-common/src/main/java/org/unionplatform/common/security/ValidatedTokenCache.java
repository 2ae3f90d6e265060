package org.unionplatform.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers tokens the decoder accepted, by their exact text: a client sends the same access token for minutes,
 * and parsing it, verifying its RS256 signature and running the validators again on every request was a visible
 * share of a check-in's CPU (docs/performance.md). An entry holds until the token's expiry, at most
 * {@code maxAge} (an access token cannot be revoked; a key withdrawn from the JWKS stops a remembered token after
 * {@code maxAge} at the latest). Refused tokens are never remembered. Bounded: past {@code maxEntries} the expired
 * entries go, then, if still full, all of them.
 */
final class ValidatedTokenCache implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Duration maxAge;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    ValidatedTokenCache(JwtDecoder delegate, Duration maxAge, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Instant now = clock.instant();
        Entry known = entries.get(token);
        if (known != null) {
            if (now.isBefore(known.until())) {
                return known.jwt();
            }
            entries.remove(token, known);
        }
        Jwt jwt = delegate.decode(token);
        remember(token, jwt, now);
        return jwt;
    }

    private void remember(String token, Jwt jwt, Instant now) {
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
