package org.unionplatform.infrastructure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the H2 store's writes durable in groups: a write takes a {@link #ticket()} once it is applied, and its
 * acknowledgement waits ({@link #whenDurable}) until one thread has committed the store and forced it to disk
 * ({@code MVStore.commit()} writes the chunk, {@code MVStore.sync()} is the fsync). Writes that arrive while a
 * commit-and-sync runs go together in the next one, so the cost of an fsync is shared by everyone waiting.
 * <p>
 * This thread is the store's only committer: H2's own background writer is off (the store is opened with
 * auto-commit disabled). That writer pipelined chunks through two threads, and H2 2.4.240 could then save a chunk
 * without recording it in the store's layout, which a later open reports as "Chunk N not found"; with one
 * synchronous committer each chunk is written whole before the next is made. The housekeeping that writer did
 * (rewriting chunks that are mostly garbage) runs here too, between commits.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** Commits anything not yet stored (index maps, a write nobody waits for) at least this often. */
    static final Duration IDLE_COMMIT_INTERVAL = Duration.ofSeconds(1);
    /** How often chunks that are mostly garbage are rewritten (what H2's background writer did). */
    static final Duration HOUSEKEEPING_INTERVAL = Duration.ofSeconds(30);
    /** Chunks below this share of live data are rewritten; at most this many bytes per housekeeping round. */
    private static final int COMPACT_FILL_RATE = 60;
    private static final int COMPACT_WRITE_BYTES = 8 * 1024 * 1024;

    private final MVStore store;
    /** Advanced by each commit as it starts: a ticket taken before that is covered by it. */
    private final AtomicLong epoch = new AtomicLong(1);
    private final List<Waiter> waiting = new ArrayList<>();
    private final Thread committer;
    private volatile long durable;
    private volatile boolean closing;
    private volatile long commits;

    GroupCommit(MVStore store) {
        this.store = store;
        this.committer = Thread.ofPlatform().daemon().name("embedded-mongo-group-commit").unstarted(this::run);
        committer.start();
    }

    /** Taken after a write was applied to the store: the write is durable once this ticket is. */
    long ticket() {
        return epoch.get();
    }

    /**
     * Runs {@code then} once every write made before {@code ticket} was taken is on disk, or {@code failed} if the
     * store could not be committed (the write must then not be acknowledged). Runs on the committer's thread, or on
     * the caller's when the ticket is already durable: keep both short.
     */
    void whenDurable(long ticket, Runnable then, Consumer<Throwable> failed) {
        synchronized (waiting) {
            if (ticket > durable) {
                waiting.add(new Waiter(ticket, then, failed));
                waiting.notifyAll();
                return;
            }
        }
        then.run();
    }

    /** How many commit-and-sync rounds ran (for tests and the log). */
    long commits() {
        return commits;
    }

    private void run() {
        long lastHousekeeping = System.nanoTime();
        while (!closing) {
            try {
                synchronized (waiting) {
                    if (waiting.isEmpty() && !closing) {
                        waiting.wait(IDLE_COMMIT_INTERVAL.toMillis());
                    }
                }
                if (System.nanoTime() - lastHousekeeping > HOUSEKEEPING_INTERVAL.toNanos()) {
                    lastHousekeeping = System.nanoTime();
                    store.compact(COMPACT_FILL_RATE, COMPACT_WRITE_BYTES);
                }
                commitAndSync();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                if (!closing) {
                    log.error("The embedded MongoDB's store could not be committed; writes are not acknowledged", e);
                }
            }
        }
    }

    private void commitAndSync() {
        long covering = epoch.getAndIncrement();
        try {
            store.commit();
            store.sync();
        } catch (RuntimeException | Error e) {
            release(covering, waiter -> waiter.failed().accept(e));
            throw e;
        }
        commits++;
        durable = covering;
        release(covering, waiter -> waiter.then().run());
    }

    private void release(long covering, Consumer<Waiter> action) {
        List<Waiter> due = new ArrayList<>();
        synchronized (waiting) {
            waiting.removeIf(waiter -> waiter.ticket() <= covering && due.add(waiter));
        }
        for (Waiter waiter : due) {
            try {
                action.accept(waiter);
            } catch (RuntimeException e) { // e.g. the connection's event loop already stopped: nobody to answer
                log.debug("A durable write's reply could not be sent", e);
            }
        }
    }

    /**
     * Stops the committer after a last commit-and-sync (writes still waiting are acknowledged by it). The store
     * itself is closed by its owner afterwards.
     */
    @Override
    public void close() {
        closing = true;
        synchronized (waiting) {
            waiting.notifyAll();
        }
        try {
            committer.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!store.isClosed()) {
            commitAndSync();
        }
    }

    private record Waiter(long ticket, Runnable then, Consumer<Throwable> failed) {
    }
}
