package org.unionplatform.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.tracing.Tracer;

class TraceparentTest {

    @Test
    void readsTheTraceIdOfAW3cTraceparent() {
        assertThat(Traceparent.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void ignoresAMalformedTraceparent() {
        assertThat(Traceparent.traceId("01-xyz")).isNull();
        assertThat(Traceparent.traceId(null)).isNull();
    }

    @Test
    void hasNoTraceparentOutsideASpan() {
        assertThat(Traceparent.current(Tracer.NOOP)).isNull();
    }
}
