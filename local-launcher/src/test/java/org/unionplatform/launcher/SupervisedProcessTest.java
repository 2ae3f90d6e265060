package org.unionplatform.launcher;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Real child processes ({@code sleep}), killed as {@code kill -9} would. */
class SupervisedProcessTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Process> started = new CopyOnWriteArrayList<>();
    private final List<String> said = new CopyOnWriteArrayList<>();
    private final SupervisedProcess child = new SupervisedProcess(this::sleeper, new SupervisedProcess.Events() {
        @Override
        public void restarted(Process exited, Process replacement, IOException failure) {
            said.add("restarted " + exited.pid() + " as " + replacement.pid());
        }

        @Override
        public void gaveUp(Process exited) {
            said.add("gave up " + exited.pid());
        }
    }, scheduler);

    @AfterEach
    void cleanUp() {
        child.stop();
        started.forEach(Process::destroyForcibly);
        scheduler.shutdownNow();
    }

    @Test
    void aChildKilledFromOutsideIsStartedAgainAfterAShortDelay() throws Exception {
        Process first = child.start();

        first.destroyForcibly(); // SIGKILL

        waitUntil(() -> started.size() == 2, Duration.ofSeconds(10));
        Process second = child.process();
        assertThat(second.pid()).isNotEqualTo(first.pid());
        assertThat(second.isAlive()).isTrue();
        waitUntil(() -> !said.isEmpty(), Duration.ofSeconds(5));
        assertThat(said).containsExactly("restarted " + first.pid() + " as " + second.pid());
    }

    @Test
    void aChildStoppedByTheLauncherIsNotStartedAgain() throws Exception {
        child.start();

        Process stopped = child.stop();

        assertThat(stopped.waitFor(5, TimeUnit.SECONDS)).isTrue();
        TimeUnit.MILLISECONDS.sleep(Restarts.FIRST_DELAY.toMillis() + 700);
        assertThat(started).hasSize(1);
        assertThat(said).isEmpty();
    }

    @Test
    void aChildThatDiesAndThenTheLauncherStopsWithinTheDelayIsNotStartedAgain() throws Exception {
        // Ctrl-C in a terminal signals the children too: they may die just before the launcher says it stops.
        Process first = child.start();
        first.destroy();
        first.waitFor(5, TimeUnit.SECONDS);

        child.stop();

        TimeUnit.MILLISECONDS.sleep(Restarts.FIRST_DELAY.toMillis() + 700);
        assertThat(started).hasSize(1);
        assertThat(said).isEmpty();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("within %s", timeout).isTrue();
    }

    private Process sleeper() throws IOException {
        Process process = new ProcessBuilder("sleep", "60").start();
        started.add(process);
        return process;
    }
}
