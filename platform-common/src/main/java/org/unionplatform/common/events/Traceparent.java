package org.unionplatform.common.events;

import java.util.regex.Pattern;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/** Reads and writes W3C {@code traceparent} values ({@code 00-<trace id>-<span id>-<flags>}). */
final class Traceparent {

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private Traceparent() {
    }

    /** The current span's context as a traceparent, or null outside a span. */
    static String current(Tracer tracer) {
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        TraceContext context = span.context();
        String traceId = leftPad(context.traceId(), 32);
        String spanId = leftPad(context.spanId(), 16);
        String flags = Boolean.FALSE.equals(context.sampled()) ? "00" : "01";
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    /** Starts a span that continues the stored traceparent, or a new trace when there is none. */
    static Span continueOrStart(Tracer tracer, String traceparent, String name) {
        var matcher = traceparent == null ? null : FORMAT.matcher(traceparent);
        if (matcher == null || !matcher.matches()) {
            return tracer.nextSpan().name(name).start();
        }
        TraceContext parent = tracer.traceContextBuilder()
                .traceId(matcher.group(1))
                .spanId(matcher.group(2))
                .sampled("01".equals(matcher.group(3)))
                .build();
        return tracer.spanBuilder().setParent(parent).name(name).start();
    }

    /** The trace id part of a traceparent, or null. */
    static String traceId(String traceparent) {
        var matcher = traceparent == null ? null : FORMAT.matcher(traceparent);
        return matcher != null && matcher.matches() ? matcher.group(1) : null;
    }

    private static String leftPad(String hex, int length) {
        return hex.length() >= length ? hex : "0".repeat(length - hex.length()) + hex;
    }
}
