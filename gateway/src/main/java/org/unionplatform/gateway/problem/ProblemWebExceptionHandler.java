package org.unionplatform.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Every error the gateway itself raises (no route, too large, timeouts, anything unexpected) becomes
 * problem+json. Runs before Boot's default handler, which would otherwise render its own error shape.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final ProblemWriter writer;

    ProblemWebExceptionHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return writer.write(exchange, toProblem(exchange, error));
    }

    private ProblemDetail toProblem(ServerWebExchange exchange, Throwable error) {
        // The RequestRateLimiter filter (throw-on-limit) signals a refusal this way, carrying the limiter's headers.
        if (error instanceof HttpClientErrorException.TooManyRequests tooMany) {
            String retryAfter = tooMany.getResponseHeaders() == null ? null
                    : tooMany.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
            if (retryAfter != null) {
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
            }
            return Problems.problem(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "Too many requests from this client; retry after the number of seconds in Retry-After.");
        }
        if (error instanceof ResponseStatusException statusError) {
            HttpStatus status = HttpStatus.resolve(statusError.getStatusCode().value());
            if (status != null) {
                return forStatus(exchange, status, statusError);
            }
        }
        log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return Problems.problem(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The gateway could not handle this request.");
    }

    private static ProblemDetail forStatus(ServerWebExchange exchange, HttpStatus status, ResponseStatusException error) {
        return switch (status) {
            case NOT_FOUND -> Problems.problem(exchange, status, "Not found",
                    "No route or resource matches " + exchange.getRequest().getPath().value() + ".");
            case PAYLOAD_TOO_LARGE -> Problems.problem(exchange, status, "Request too large",
                    error.getReason() != null ? error.getReason() : "The request body is too large.");
            case GATEWAY_TIMEOUT -> Problems.problem(exchange, status, "Gateway timeout",
                    "The service did not answer in time; please try again shortly.");
            case SERVICE_UNAVAILABLE -> Problems.problem(exchange, status, "Service unavailable",
                    "The service is not available right now; please try again shortly.");
            default -> Problems.problem(exchange, status, status.getReasonPhrase(), safeDetail(status, error));
        };
    }

    // Reasons written by Spring (e.g. "Unsupported Media Type") are safe; messages of causes are never shown.
    private static String safeDetail(HttpStatusCode status, ResponseStatusException error) {
        String reason = error.getReason();
        return status.is4xxClientError() && reason != null ? reason : "The request could not be handled.";
    }
}
