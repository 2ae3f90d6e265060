package org.unionplatform.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.unionplatform.gateway.ratelimit.RateLimitProperties.Policy;

/**
 * The policy when Redis is down: neither fail open (Spring Cloud Gateway's RedisRateLimiter lets everything
 * through, so an outage would switch the login limits off) nor fail closed (an outage of a cache would stop
 * all traffic). Each request Redis cannot answer within the timeout is decided by in-process buckets instead:
 * the limits keep holding, per gateway instance, and each such decision is counted in
 * {@value #FALLBACK_METRIC}. Every request tries Redis again, so recovery needs no action.
 */
final class FailoverTokenBuckets implements TokenBuckets {

    static final String FALLBACK_METRIC = "gateway.ratelimit.redis.fallbacks";

    private static final Logger log = LoggerFactory.getLogger(FailoverTokenBuckets.class);

    private final TokenBuckets redis;
    private final TokenBuckets inMemory;
    private final Duration timeout;
    private final Counter fallbacks;
    private final AtomicBoolean redisDown = new AtomicBoolean();

    FailoverTokenBuckets(TokenBuckets redis, TokenBuckets inMemory, Duration timeout, Counter fallbacks) {
        this.redis = redis;
        this.inMemory = inMemory;
        this.timeout = timeout;
        this.fallbacks = fallbacks;
    }

    @Override
    public Mono<Decision> take(String key, Policy policy) {
        return redis.take(key, policy)
                .timeout(timeout)
                .doOnNext(ignored -> {
                    if (redisDown.compareAndSet(true, false)) {
                        log.info("Redis answers again: rate limits are shared by all gateway instances again");
                    }
                })
                .onErrorResume(failure -> {
                    fallbacks.increment();
                    if (redisDown.compareAndSet(false, true)) {
                        log.warn("Redis does not answer ({}): rate limits are kept in memory, per gateway instance, "
                                + "until it does", failure.getClass().getSimpleName());
                    }
                    return inMemory.take(key, policy);
                });
    }
}
