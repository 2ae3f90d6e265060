package org.unionplatform.launcher;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One instance's child process, started again after {@link Restarts}' delay when it dies on its own. Once
 * {@link #stop()} is called (Ctrl-C, SIGTERM to the launcher) nothing is started again. The decision is taken when
 * the delay has passed, not at the death: at Ctrl-C the terminal signals the children too, and they may die a
 * moment before the launcher's shutdown hook says it is stopping.
 */
final class SupervisedProcess {

    /** Starts the process (the same command and environment every time). */
    interface Starter {
        Process start() throws IOException;
    }

    /** What the launcher tells the user. */
    interface Events {
        /** {@code exited} died on its own; {@code replacement} runs now, or is null when the start failed. */
        void restarted(Process exited, Process replacement, IOException failure);

        /** {@code exited} died too often right after starting: it is left down. */
        void gaveUp(Process exited);
    }

    private final Starter starter;
    private final Events events;
    private final ScheduledExecutorService scheduler;
    private final Restarts restarts = new Restarts();
    private Process process;
    private Instant startedAt;
    private boolean stopping;

    SupervisedProcess(Starter starter, Events events, ScheduledExecutorService scheduler) {
        this.starter = starter;
        this.events = events;
        this.scheduler = scheduler;
    }

    synchronized Process start() throws IOException {
        Process started = starter.start();
        process = started;
        startedAt = Instant.now();
        started.onExit().thenAccept(this::died);
        return started;
    }

    synchronized Process process() {
        return process;
    }

    synchronized boolean stopping() {
        return stopping;
    }

    /** No more restarts; asks the current process to stop (the caller waits for it). */
    Process stop() {
        Process current;
        synchronized (this) {
            stopping = true;
            current = process;
        }
        if (current != null) {
            current.destroy();
        }
        return current;
    }

    private void died(Process exited) {
        Duration delay;
        synchronized (this) {
            if (stopping || exited != process) {
                return;
            }
            delay = restarts.afterDeath(Duration.between(startedAt, Instant.now()));
        }
        if (delay == null) {
            scheduler.schedule(() -> {
                if (!stopping()) {
                    events.gaveUp(exited);
                }
            }, Restarts.FIRST_DELAY.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        scheduler.schedule(() -> restart(exited), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart(Process exited) {
        Process replacement;
        synchronized (this) {
            if (stopping) {
                return;
            }
            try {
                replacement = start();
            } catch (IOException e) {
                events.restarted(exited, null, e);
                return;
            }
        }
        events.restarted(exited, replacement, null);
    }
}
