package org.unionplatform.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

class ValidatedTokenCacheTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T05:00:00Z"));
    private final AtomicInteger decoded = new AtomicInteger();
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    };

    private ValidatedTokenCache cache(int entries, Duration lifetime) {
        return new ValidatedTokenCache(token -> {
            decoded.incrementAndGet();
            if (token.startsWith("bad")) {
                throw new BadJwtException("refused");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("sub-" + token)
                    .issuedAt(now.get()).expiresAt(now.get().plus(lifetime)).build();
        }, Duration.ofMinutes(2), entries, clock);
    }

    @Test
    void anAcceptedTokenIsVerifiedOnceUntilItsCacheAgeEnds() {
        ValidatedTokenCache cache = cache(100, Duration.ofMinutes(10));
        assertThat(cache.decode("a").getSubject()).isEqualTo("sub-a");
        assertThat(cache.decode("a").getSubject()).isEqualTo("sub-a");
        assertThat(decoded).hasValue(1);

        now.set(now.get().plus(Duration.ofMinutes(2)));
        cache.decode("a");
        assertThat(decoded).hasValue(2);
    }

    @Test
    void aTokenIsNeverRememberedPastItsExpiry() {
        ValidatedTokenCache cache = cache(100, Duration.ofSeconds(30));
        cache.decode("short");
        now.set(now.get().plusSeconds(30));
        cache.decode("short");
        assertThat(decoded).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        ValidatedTokenCache cache = cache(100, Duration.ofMinutes(10));
        assertThatThrownBy(() -> cache.decode("bad")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("bad")).isInstanceOf(BadJwtException.class);
        assertThat(decoded).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheStaysWithinItsBound() {
        ValidatedTokenCache cache = cache(3, Duration.ofMinutes(10));
        for (int i = 0; i < 10; i++) {
            cache.decode("t" + i);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }
}
