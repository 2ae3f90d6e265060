package org.unionplatform.common.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * The request id that ties a client's report, the gateway's log and every service's log together.
 * The gateway sets {@value #HEADER}; a service called directly makes its own.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {
    }

    /** The id of the request this thread is serving, or {@code null} outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** Keeps a caller's id when it is a plain token (it ends up in logs), otherwise makes a new one. */
    static String acceptOrCreate(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
