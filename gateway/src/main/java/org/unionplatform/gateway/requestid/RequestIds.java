package org.unionplatform.gateway.requestid;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/** The request id every forwarded request, response and problem carries. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    static final String ATTRIBUTE = RequestIds.class.getName() + ".requestId";

    // A client's id is kept only if it cannot smuggle anything into logs or headers downstream.
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {
    }

    static String acceptOrGenerate(String offered) {
        if (offered != null && SANE.matcher(offered).matches()) {
            return offered;
        }
        return UUID.randomUUID().toString();
    }

    /** The id chosen for this exchange, if the request id filter has run. */
    public static Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }
}
