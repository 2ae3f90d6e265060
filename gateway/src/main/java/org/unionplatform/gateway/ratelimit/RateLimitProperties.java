package org.unionplatform.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.gateway.rate-limit.*}. Two token-bucket policies: {@code normal} on every route, {@code strict}
 * in addition on the sign-in, code and application routes.
 *
 * @param keyPrefix       prefix of the Redis keys (several gateways sharing a Redis share the buckets)
 * @param trustedProxies  addresses or CIDR ranges whose X-Forwarded-For is believed; empty: the peer is the client
 * @param redisTimeout    a Redis answer slower than this counts as Redis down (the in-memory buckets answer)
 * @param normal          the everyday policy
 * @param strict          the policy of endpoints worth guessing at
 */
@ConfigurationProperties("platform.gateway.rate-limit")
record RateLimitProperties(String keyPrefix, List<String> trustedProxies, Duration redisTimeout, Policy normal,
        Policy strict) {

    RateLimitProperties {
        if (keyPrefix == null || keyPrefix.isBlank()) {
            throw new IllegalArgumentException("platform.gateway.rate-limit.key-prefix must be set");
        }
        if (normal == null || strict == null) {
            throw new IllegalArgumentException("platform.gateway.rate-limit.normal and .strict must be set");
        }
        trustedProxies = trustedProxies == null ? List.of() : trustedProxies.stream()
                .map(String::trim).filter(entry -> !entry.isEmpty()).toList();
        redisTimeout = redisTimeout == null ? Duration.ofMillis(200) : redisTimeout;
    }

    /**
     * A token bucket: {@code burstCapacity} tokens at most, {@code replenishRate} tokens added per second, each
     * request costs {@code requestedTokens}. So a client may send burstCapacity / requestedTokens requests at
     * once, then replenishRate / requestedTokens per second.
     */
    record Policy(int replenishRate, int burstCapacity, int requestedTokens) {

        Policy {
            if (replenishRate < 1 || requestedTokens < 1 || burstCapacity < requestedTokens) {
                throw new IllegalArgumentException("rate-limit policy: replenish-rate and requested-tokens must be "
                        + "at least 1 and burst-capacity at least requested-tokens");
            }
        }

        /** Whole seconds until {@code tokensLeft} has grown to the cost of one request; at least 1. */
        long secondsUntilAllowed(double tokensLeft) {
            double missing = requestedTokens - tokensLeft;
            return Math.max(1, (long) Math.ceil(missing / replenishRate));
        }
    }
}
