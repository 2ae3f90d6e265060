package org.unionplatform.gateway.problem;

import java.net.URI;
import java.util.Optional;

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

    private static Optional<URI> instanceOf(ServerWebExchange exchange) {
        try {
            return Optional.of(URI.create(exchange.getRequest().getPath().value()));
        }
        catch (IllegalArgumentException malformedPath) {
            return Optional.empty();
        }
    }
}
