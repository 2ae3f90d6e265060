package org.unionplatform.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

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
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    private ValidatedTokenCache cache(int entries) {
        return new ValidatedTokenCache(token -> {
            decoded.incrementAndGet();
            if (token.startsWith("bad")) {
                return Mono.error(new BadJwtException("refused"));
            }
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("sub-" + token)
                    .issuedAt(now.get()).expiresAt(now.get().plus(Duration.ofMinutes(10))).build());
        }, Duration.ofMinutes(2), entries, clock);
    }

    @Test
    void anAcceptedTokenIsVerifiedOnceUntilItsCacheAgeEnds() {
        ValidatedTokenCache cache = cache(100);
        assertThat(cache.decode("a").block().getSubject()).isEqualTo("sub-a");
        assertThat(cache.decode("a").block().getSubject()).isEqualTo("sub-a");
        assertThat(decoded).hasValue(1);

        now.set(now.get().plus(Duration.ofMinutes(2)));
        cache.decode("a").block();
        assertThat(decoded).hasValue(2);
    }

    @Test
    void aTokenIsNeverRememberedPastItsExpiry() {
        ValidatedTokenCache cache = new ValidatedTokenCache(token -> {
            decoded.incrementAndGet();
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("s")
                    .expiresAt(now.get().plusSeconds(30)).build());
        }, Duration.ofMinutes(2), 100, clock);
        cache.decode("short").block();
        now.set(now.get().plusSeconds(30));
        cache.decode("short").block();
        assertThat(decoded).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        ValidatedTokenCache cache = cache(100);
        assertThatThrownBy(() -> cache.decode("bad").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("bad").block()).isInstanceOf(BadJwtException.class);
        assertThat(decoded).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheStaysWithinItsBound() {
        ValidatedTokenCache cache = cache(3);
        for (int i = 0; i < 10; i++) {
            cache.decode("t" + i).block();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }
}
