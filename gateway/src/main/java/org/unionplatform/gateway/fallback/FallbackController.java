package org.unionplatform.gateway.fallback;

import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.unionplatform.gateway.problem.Problems;

/**
 * Where every route's circuit breaker forwards a failed call. Mapped for all HTTP methods, because the forward
 * keeps the original method (a GET-only fallback would turn a failed POST into a 405).
 */
@Hidden
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    static final String SERVICE_METADATA = "service";

    @RequestMapping("/fallback")
    ResponseEntity<ProblemDetail> fallback(ServerWebExchange exchange) {
        Optional<Route> route = Optional.ofNullable(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
        if (route.isEmpty()) {
            // Called directly, not forwarded by a breaker: there is nothing here for clients.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String service = serviceOf(route.get());
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        ProblemDetail problem = problemFor(exchange, service, failure);
        problem.setProperty("service", service);
        log.warn("{} {} answered by fallback for {}: {} ({})", exchange.getRequest().getMethod(),
                Problems.originalPath(exchange), service, problem.getStatus(),
                failure == null ? "no cause" : failure.getClass().getSimpleName());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static String serviceOf(Route route) {
        Object service = route.getMetadata().get(SERVICE_METADATA);
        return service != null ? service.toString() : route.getId();
    }

    private static ProblemDetail problemFor(ServerWebExchange exchange, String service, Throwable failure) {
        if (failure instanceof ResponseStatusException statusError) {
            if (statusError.getStatusCode().value() == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
                return Problems.problem(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                        statusError.getReason() != null ? statusError.getReason() : "The request body is too large.");
            }
            if (statusError.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                return timedOut(exchange, service);
            }
        }
        if (failure instanceof TimeoutException) {
            return timedOut(exchange, service);
        }
        String detail = failure instanceof CallNotPermittedException
                ? service + " is not available right now (recent calls failed); please try again shortly."
                : service + " is not available right now; please try again shortly.";
        return Problems.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail);
    }

    private static ProblemDetail timedOut(ServerWebExchange exchange, String service) {
        return Problems.problem(exchange, HttpStatus.GATEWAY_TIMEOUT, "Gateway timeout",
                service + " did not answer in time; please try again shortly.");
    }
}
