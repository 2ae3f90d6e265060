package org.unionplatform.gateway.resilience;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.stereotype.Component;

/**
 * {@code KeyedWriteRetry} in a route's filters: the gateway's Retry, placed inside the default CircuitBreaker
 * filter. A route filter is otherwise ordered by its position in the route's list, which puts a route's first filter
 * outside the default-filters' breaker: the breaker's fallback would then commit its 503 before the retry could try
 * another instance. Used for the writes a service dedupes by Idempotency-Key (application.yml).
 */
@Component
class KeyedWriteRetryGatewayFilterFactory extends RetryGatewayFilterFactory {

    /** After every default filter (ordered 1, 2, 3...), before the request URL is resolved (10000) and balanced. */
    static final int ORDER = 1000;

    @Override
    public GatewayFilter apply(RetryConfig config) {
        return new OrderedGatewayFilter(super.apply(config), ORDER);
    }
}
