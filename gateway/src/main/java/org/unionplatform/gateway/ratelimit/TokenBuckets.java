package org.unionplatform.gateway.ratelimit;

import reactor.core.publisher.Mono;

import org.unionplatform.gateway.ratelimit.RateLimitProperties.Policy;

/** Where buckets live: in Redis (shared by every gateway instance) or in this process. */
interface TokenBuckets {

    /** Takes the cost of one request from the bucket {@code key}, if it holds enough. */
    Mono<Decision> take(String key, Policy policy);
}
