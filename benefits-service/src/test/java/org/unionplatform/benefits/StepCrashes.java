package org.unionplatform.benefits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.unionplatform.benefits.config.StepFaults;

/**
 * The test hooks of every benefits IT (one shared context): step faults that stop a write at a named point, as a
 * crash of the process would (an {@link Error}, which no cleanup code of the service catches), or fail it there with
 * an ordinary exception; and a clock a test can move past the recovery lease instead of waiting for it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StepCrashes {

    /** What a crash at a step leaves: nothing after that point runs. */
    public static final class SimulatedCrash extends Error {
        SimulatedCrash(String point) {
            super("simulated crash at " + point);
        }
    }

    /** Stops the next write that reaches the armed point; passes every other point. */
    public static final class ArmedStepFaults extends StepFaults {

        private volatile String armed;
        private volatile boolean crash;
        private volatile Pause pause;

        /** A write held at a point until the test lets it go on. */
        public record Pause(CountDownLatch reached, CountDownLatch resume) {
        }

        /** The next write to reach {@code point} waits there until {@link Pause#resume} counts down. */
        public Pause pauseAt(String point) {
            Pause held = new Pause(new CountDownLatch(1), new CountDownLatch(1));
            pause = held;
            armed = point;
            return held;
        }

        /** The next write to reach {@code point} stops there as if the process died. */
        public void crashAt(String point) {
            pause = null;
            crash = true;
            armed = point;
        }

        /** The next write to reach {@code point} fails there with an exception the service sees. */
        public void failAt(String point) {
            pause = null;
            crash = false;
            armed = point;
        }

        public void disarm() {
            armed = null;
            pause = null;
        }

        private static void awaitResume(Pause held) {
            try {
                if (!held.resume().await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("paused write never resumed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void reached(String point) {
            if (point.equals(armed)) {
                armed = null;
                Pause held = pause;
                if (held != null) {
                    pause = null;
                    held.reached().countDown();
                    awaitResume(held);
                    return;
                }
                if (crash) {
                    throw new SimulatedCrash(point);
                }
                throw new IllegalStateException("simulated failure at " + point);
            }
        }
    }

    /** The system clock, moved ahead by a test when it needs a lease to have passed. */
    public static final class MovableClock extends Clock {

        private volatile Duration ahead = Duration.ZERO;

        public void moveAhead(Duration by) {
            ahead = ahead.plus(by);
        }

        public void reset() {
            ahead = Duration.ZERO;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), ahead);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }
    }

    @Bean
    @Primary
    ArmedStepFaults armedStepFaults() {
        return new ArmedStepFaults();
    }

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }
}
