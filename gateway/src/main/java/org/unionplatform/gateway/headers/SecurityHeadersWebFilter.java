package org.unionplatform.gateway.headers;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Security headers on every response: routed, the gateway's own, errors, 401 and 429 alike. Set just before the
 * response commits, replacing whatever a backend sent, so one policy holds at the edge whatever a service does.
 */
@Component
class SecurityHeadersWebFilter implements WebFilter, Ordered {

    private final SecurityHeadersProperties properties;
    private final List<PathPattern> swaggerPaths;
    private final List<PathPattern> pagePaths;
    private final List<PathPattern> cacheablePaths;

    SecurityHeadersWebFilter(SecurityHeadersProperties properties) {
        this.properties = properties;
        this.swaggerPaths = parse(properties.swaggerPaths());
        this.pagePaths = parse(properties.pagePaths());
        this.cacheablePaths = parse(properties.cacheablePaths());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        boolean tls = exchange.getRequest().getSslInfo() != null;
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            write(response.getHeaders(), path, tls);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private void write(HttpHeaders headers, PathContainer path, boolean tls) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", properties.referrerPolicy());
        headers.set("Content-Security-Policy", policy(path));
        if (!matches(cacheablePaths, path)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            headers.remove(HttpHeaders.EXPIRES);
            headers.remove(HttpHeaders.PRAGMA);
        }
        if (tls || properties.hsts().behindTls()) {
            headers.set("Strict-Transport-Security", properties.hsts().headerValue());
        }
        else {
            headers.remove("Strict-Transport-Security");
        }
    }

    private String policy(PathContainer path) {
        if (matches(swaggerPaths, path)) {
            return properties.swaggerContentSecurityPolicy();
        }
        return matches(pagePaths, path) ? properties.pagesContentSecurityPolicy() : properties.contentSecurityPolicy();
    }

    private static boolean matches(List<PathPattern> patterns, PathContainer path) {
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private static List<PathPattern> parse(List<String> patterns) {
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public int getOrder() {
        // Right after the request id filter, before CORS and security, so their answers carry the headers too.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
