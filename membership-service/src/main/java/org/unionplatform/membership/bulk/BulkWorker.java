package org.unionplatform.membership.bulk;

import org.unionplatform.common.rows.RowReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The one background thread of this instance that runs enrolments, one file at a time (memory and database load
 * stay bounded; a few may queue). It knows which enrolments it holds, queued or running, so they are never resumed
 * as if stopped. Running one: count the rows, start, stream them through {@link BulkBatches}, finish or fail, and
 * delete the spooled file.
 */
@Component
class BulkWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BulkWorker.class);

    private final BulkBatchStep batchStep;
    private final BulkEnrolmentRepository enrolments;
    private final BulkSpool spool;
    private final BulkProperties properties;
    private final Clock clock;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(4), Thread.ofPlatform().name("bulk-enrolment").daemon().factory());

    BulkWorker(BulkBatchStep batchStep, BulkEnrolmentRepository enrolments, BulkSpool spool,
            BulkProperties properties, Clock clock) {
        this.batchStep = batchStep;
        this.enrolments = enrolments;
        this.spool = spool;
        this.properties = properties;
        this.clock = clock;
    }

    /** Takes the enrolment for this instance; false if it already holds it. */
    boolean hold(String enrolmentId) {
        return held.add(enrolmentId);
    }

    /** Lets go of an enrolment held but never queued (another instance took it). */
    void release(String enrolmentId) {
        held.remove(enrolmentId);
    }

    boolean holds(String enrolmentId) {
        return held.contains(enrolmentId);
    }

    Set<String> held() {
        return Set.copyOf(held);
    }

    /** Queues a held enrolment; false (and no longer held) when too many are waiting already. */
    boolean queue(BulkEnrolment enrolment, Path file) {
        try {
            thread.execute(() -> run(enrolment, file));
            return true;
        } catch (RejectedExecutionException busy) {
            held.remove(enrolment.id());
            return false;
        }
    }

    private void run(BulkEnrolment enrolment, Path file) {
        try {
            RowReader reader = RowReader.forFile(enrolment.fileName(), file);
            long[] lines = {0};
            reader.read(file, (line, cells) -> lines[0]++);
            long rows = Math.max(0, lines[0] - 1);
            enrolment.start(rows, reader.describe(), clock.instant());
            enrolments.save(enrolment);
            if (rows > properties.maxRows()) {
                end(enrolment, "文件有 " + rows + " 行，一次最多导入 " + properties.maxRows() + " 行，请分成几个文件上传。");
                return;
            }
            var batches = batchStep.begin(enrolment);
            reader.read(file, batches::row);
            batches.flush();
            end(enrolment, batches.failure());
        } catch (DataAccessException e) {
            log.warn("Bulk enrolment {} stopped: the database failed {} times in a row on one batch: {}",
                    enrolment.id(), BulkBatches.ATTEMPTS, e.getClass().getName());
            failQuietly(enrolment, "The database was unavailable, so the enrolment stopped part-way. Upload the "
                    + "same file again to finish it: people already enrolled are reported, never enrolled twice.");
        } catch (IOException | RuntimeException e) {
            // The exception's message may quote a cell (personal data): only its type is logged.
            log.warn("Bulk enrolment {} failed: {} at {}", enrolment.id(), e.getClass().getName(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            failQuietly(enrolment, "无法读取该文件：请上传 CSV 或 XLSX（Excel）文件。");
        } finally {
            spool.deleteQuietly(file);
            held.remove(enrolment.id());
        }
    }

    private void end(BulkEnrolment enrolment, String failure) {
        if (failure == null) {
            enrolment.finish(clock.instant());
        } else {
            enrolment.fail(failure, clock.instant());
        }
        enrolments.save(enrolment);
    }

    /** Marks the enrolment failed if the database lets us; if not, it stays unfinished and is resumed later. */
    private void failQuietly(BulkEnrolment enrolment, String failure) {
        try {
            if (enrolment.isUnfinished()) {
                enrolment.fail(failure, clock.instant());
            }
            enrolments.save(enrolment);
        } catch (RuntimeException e) {
            log.warn("Could not mark bulk enrolment {} failed: {}", enrolment.id(), e.getClass().getName());
        }
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
