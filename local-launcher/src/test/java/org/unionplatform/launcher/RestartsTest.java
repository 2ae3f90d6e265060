package org.unionplatform.launcher;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RestartsTest {

    @Test
    void quickDeathsWaitTwiceAsLongEachTimeAndTheSixthInARowGivesUp() {
        Restarts restarts = new Restarts();
        Duration short_ = Duration.ofSeconds(3);

        assertThat(restarts.afterDeath(short_)).isEqualTo(Duration.ofSeconds(1));
        assertThat(restarts.afterDeath(short_)).isEqualTo(Duration.ofSeconds(2));
        assertThat(restarts.afterDeath(short_)).isEqualTo(Duration.ofSeconds(4));
        assertThat(restarts.afterDeath(short_)).isEqualTo(Duration.ofSeconds(8));
        assertThat(restarts.afterDeath(short_)).isEqualTo(Duration.ofSeconds(16));
        assertThat(restarts.afterDeath(short_)).isNull();
    }

    @Test
    void aDeathAfterAMinuteOfRunningStartsOverWithTheShortDelay() {
        Restarts restarts = new Restarts();
        restarts.afterDeath(Duration.ofSeconds(2));
        restarts.afterDeath(Duration.ofSeconds(2));
        restarts.afterDeath(Duration.ofSeconds(2));

        assertThat(restarts.afterDeath(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(1));
        assertThat(restarts.afterDeath(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
    }
}
