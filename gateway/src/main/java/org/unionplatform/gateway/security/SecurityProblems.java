package org.unionplatform.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.unionplatform.gateway.problem.ProblemWriter;
import org.unionplatform.gateway.problem.Problems;

/**
 * 401 and 403 of the gateway's security chain as problem+json, worded like the services'. The body never says
 * why a token was refused: the client's remedy is the same, and the reason would only help an attacker.
 */
final class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemWriter writer;

    SecurityProblems(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException exception) {
        boolean tokenPresented = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenPresented ? "Bearer error=\"invalid_token\"" : "Bearer");
        return writer.write(exchange, Problems.problem(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized",
                tokenPresented ? "The access token is not valid; sign in again."
                        : "This resource needs a bearer access token."));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return writer.write(exchange, Problems.problem(exchange, HttpStatus.FORBIDDEN, "Forbidden",
                "Your roles do not allow this function."));
    }
}
