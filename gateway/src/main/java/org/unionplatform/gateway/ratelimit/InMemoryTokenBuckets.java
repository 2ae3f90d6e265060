package org.unionplatform.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

import org.unionplatform.gateway.ratelimit.RateLimitProperties.Policy;

/**
 * Buckets in this process: the limiter when no Redis is configured, and the stand-in while Redis is down.
 * Limits then hold per gateway instance. Full buckets are dropped now and then so idle clients cost no memory.
 */
final class InMemoryTokenBuckets implements TokenBuckets {

    private static final int SWEEP_EVERY = 4096;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final LongSupplier nanoClock;

    InMemoryTokenBuckets() {
        this(System::nanoTime);
    }

    InMemoryTokenBuckets(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public Mono<Decision> take(String key, Policy policy) {
        return Mono.fromSupplier(() -> takeNow(key, policy));
    }

    Decision takeNow(String key, Policy policy) {
        long now = nanoClock.getAsLong();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
        Decision[] decision = new Decision[1];
        buckets.compute(key, (ignored, bucket) -> {
            Bucket current = (bucket == null ? Bucket.full(policy, now) : bucket).refilledTo(now);
            if (current.tokens >= policy.requestedTokens()) {
                decision[0] = Decision.allow();
                return current.minus(policy.requestedTokens());
            }
            decision[0] = Decision.refuse(policy.secondsUntilAllowed(current.tokens));
            return current;
        });
        return decision[0];
    }

    int size() {
        return buckets.size();
    }

    private record Bucket(Policy policy, double tokens, long atNanos) {

        static Bucket full(Policy policy, long now) {
            return new Bucket(policy, policy.burstCapacity(), now);
        }

        Bucket refilledTo(long now) {
            double seconds = Math.max(0, now - atNanos) / 1e9;
            return new Bucket(policy, Math.min(policy.burstCapacity(), tokens + seconds * policy.replenishRate()), now);
        }

        Bucket minus(int cost) {
            return new Bucket(policy, tokens - cost, atNanos);
        }

        boolean isFullAt(long now) {
            return refilledTo(now).tokens >= policy.burstCapacity();
        }
    }
}
