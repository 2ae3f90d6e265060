package org.unionplatform.gateway.ratelimit;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.unionplatform.gateway.ratelimit.RateLimitProperties.Policy;

/**
 * A RateLimiter for Spring Cloud Gateway's RequestRateLimiter filter with one fixed policy. The bucket key is
 * the policy name plus the client key, so a client has one bucket per policy across all routes (a client
 * cannot multiply its allowance by spreading calls over services).
 */
final class PolicyRateLimiter implements RateLimiter<Object> {

    private final String name;
    private final Policy policy;
    private final TokenBuckets buckets;
    private final Counter refusals;

    PolicyRateLimiter(String name, Policy policy, TokenBuckets buckets, Counter refusals) {
        this.name = name;
        this.policy = policy;
        this.buckets = buckets;
        this.refusals = refusals;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String clientKey) {
        return buckets.take(name + ":" + clientKey, policy).map(decision -> {
            if (decision.allowed()) {
                return new Response(true, Map.of());
            }
            refusals.increment();
            return new Response(false, Map.of(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds())));
        });
    }

    @Override
    public Map<String, Object> getConfig() {
        return Map.of();
    }

    @Override
    public Class<Object> getConfigClass() {
        return Object.class;
    }

    @Override
    public Object newConfig() {
        return new Object();
    }
}
