package org.unionplatform.gateway.bodylimit;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

/**
 * Limits request bodies per route (route metadata {@code max-request-size}, else platform.gateway.max-request-size).
 * A declared Content-Length over the limit is refused before anything is sent; a body without one (chunked) is
 * counted while it streams and the call fails as soon as it passes the limit.
 */
@Component
class RequestBodyLimitFilter implements GlobalFilter, Ordered {

    static final String METADATA = "max-request-size";

    private final DataSize defaultLimit;

    RequestBodyLimitFilter(BodyLimitProperties properties) {
        this.defaultLimit = properties.maxRequestSize();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        DataSize limit = limitOf(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit.toBytes()) {
            return Mono.error(new PayloadTooLargeException(limit));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                        DataBufferUtils.release(buffer);
                        sink.error(new PayloadTooLargeException(limit));
                    }
                    else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private DataSize limitOf(Route route) {
        if (route == null) {
            return defaultLimit;
        }
        Object configured = route.getMetadata().get(METADATA);
        return configured == null ? defaultLimit : DataSize.parse(configured.toString());
    }

    @Override
    public int getOrder() {
        // Early: before the breaker and retry (default filters) so an oversized request costs the backend nothing.
        return -100;
    }
}
