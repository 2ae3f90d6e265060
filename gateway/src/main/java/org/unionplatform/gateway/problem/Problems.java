package org.unionplatform.gateway.problem;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import org.unionplatform.gateway.requestid.RequestIds;

/** RFC 9457 problems as the gateway writes them: a title, a human detail, the request id; never internals. */
public final class Problems {

    public static final String REQUEST_ID = "requestId";

    private Problems() {
    }

    public static ProblemDetail problem(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        instanceOf(exchange).ifPresent(problem::setInstance);
        RequestIds.of(exchange).ifPresent(id -> problem.setProperty(REQUEST_ID, id));
        return problem;
    }

    /** The path the client asked for, also after a breaker forwarded the exchange to the fallback. */
    public static String originalPath(ServerWebExchange exchange) {
        Set<URI> seen = exchange.getAttributeOrDefault(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR, Set.of());
        return seen.stream().findFirst().map(URI::getRawPath).orElseGet(() -> exchange.getRequest().getPath().value());
    }

    private static Optional<URI> instanceOf(ServerWebExchange exchange) {
        try {
            return Optional.of(URI.create(originalPath(exchange)));
        }
        catch (IllegalArgumentException malformedPath) {
            return Optional.empty();
        }
    }
}
