package org.unionplatform.gateway.ratelimit;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who a request counts against: the token's subject when the gateway validated one, else the client's IP. Never
 * empty (the RequestRateLimiter filter would answer an empty key with 403).
 */
final class ClientKeyResolver implements KeyResolver {

    private final ClientAddresses addresses;

    ClientKeyResolver(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(token -> "sub:" + token.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + addresses.clientIp(exchange.getRequest())));
    }
}
