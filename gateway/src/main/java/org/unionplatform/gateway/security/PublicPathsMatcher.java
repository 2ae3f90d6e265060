package org.unionplatform.gateway.security;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * All of platform.security.public-paths as one matcher, tried in one loop. One {@code pathMatchers(...)} per entry
 * made the authorization manager run ~50 matchers one after the other per request, each through its own Mono and
 * variable extraction (visible in the gateway's profile); the patterns and their meaning are the same
 * (Spring's path patterns against the path within the application, optionally one method).
 */
final class PublicPathsMatcher implements ServerWebExchangeMatcher {

    private final List<Entry> entries;

    PublicPathsMatcher(List<PublicPath> paths) {
        this.entries = paths.stream()
                .map(path -> new Entry(path.method(), PathPatternParser.defaultInstance.parse(path.pattern())))
                .toList();
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return matches(exchange.getRequest()) ? MatchResult.match() : MatchResult.notMatch();
    }

    boolean matches(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        HttpMethod method = request.getMethod();
        for (Entry entry : entries) {
            if ((entry.method() == null || entry.method().equals(method)) && entry.pattern().matches(path)) {
                return true;
            }
        }
        return false;
    }

    private record Entry(HttpMethod method, PathPattern pattern) {
    }
}
