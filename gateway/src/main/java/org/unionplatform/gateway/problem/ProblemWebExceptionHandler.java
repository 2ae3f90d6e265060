package org.unionplatform.gateway.problem;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
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

    private final ServerResponse.Context responseContext;

    ProblemWebExceptionHandler(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.responseContext = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ProblemDetail problem = toProblem(exchange, error);
        return ServerResponse.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, responseContext));
    }

    private ProblemDetail toProblem(ServerWebExchange exchange, Throwable error) {
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
