package org.unionplatform.gateway.ratelimit;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.unionplatform.gateway.ratelimit.RateLimitProperties.Policy;

/**
 * Buckets in Redis, shared by every gateway instance, updated atomically by the token-bucket script that ships
 * with Spring Cloud Gateway (the one its RedisRateLimiter runs). Unlike RedisRateLimiter, which lets every
 * request through when Redis fails, errors reach the caller here, so the fallback policy is ours to choose.
 */
final class RedisTokenBuckets implements TokenBuckets {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RedisScript<List<Long>> SCRIPT = (RedisScript) RedisScript.of(
            new ClassPathResource("META-INF/scripts/request_rate_limiter.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final String keyPrefix;

    RedisTokenBuckets(ReactiveStringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public Mono<Decision> take(String key, Policy policy) {
        // The braces make both keys of a bucket land in one Redis Cluster slot.
        String bucket = keyPrefix + ".{" + key + "}";
        List<String> keys = List.of(bucket + ".tokens", bucket + ".timestamp");
        // An empty "now" makes the script use Redis' clock, so instances with skewed clocks agree.
        List<String> args = List.of(Integer.toString(policy.replenishRate()),
                Integer.toString(policy.burstCapacity()), "", Integer.toString(policy.requestedTokens()));
        return redis.execute(SCRIPT, keys, args)
                .next()
                .map(result -> result.get(0) == 1L
                        ? Decision.allow()
                        : Decision.refuse(policy.secondsUntilAllowed(result.get(1))));
    }
}
