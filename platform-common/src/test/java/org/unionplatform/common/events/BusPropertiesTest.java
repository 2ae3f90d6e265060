package org.unionplatform.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BusPropertiesTest {

    @Test
    void backoffDoublesPerAttemptUpToItsCap() {
        var backoff = new BusProperties.Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));

        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(500)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void consumerBackoffDefaultsToShortPauses() {
        var properties = new BusProperties("union.events", "", null, 5, 100, Duration.ofSeconds(10),
                Duration.ofMinutes(5), Duration.ofSeconds(5), new BusProperties.Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)), null,
                "bus_inbox", Duration.ofDays(14), Duration.ofMinutes(1), 50, Duration.ofMinutes(15), false);

        assertThat(properties.consumerBackoff().max()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.queueArguments()).isEqualTo(Map.of());
    }

    @Test
    void zeroAttemptsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BusProperties("union.events", "", Map.of(), 0, 100,
                Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(5), null, null, "bus_inbox", Duration.ofDays(14), Duration.ofMinutes(1), 50,
                Duration.ofMinutes(15), false));
    }
}
