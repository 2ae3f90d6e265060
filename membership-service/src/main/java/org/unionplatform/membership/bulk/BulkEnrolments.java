package org.unionplatform.membership.bulk;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.ServiceUnavailableException;
import org.unionplatform.membership.organization.KnownOrganization;

/**
 * Bulk enrolment: the upload is spooled to disk ({@link BulkSpool}) and answered at once; this instance's
 * {@link BulkWorker} then streams the rows in batches ({@link BulkBatches}); an enrolment whose instance stopped
 * is taken up again by {@link BulkResumption}.
 */
@Service
class BulkEnrolments {

    private final BulkEnrolmentRepository enrolments;
    private final BulkSpool spool;
    private final BulkWorker worker;
    private final Clock clock;

    BulkEnrolments(BulkEnrolmentRepository enrolments, BulkSpool spool, BulkWorker worker, Clock clock) {
        this.enrolments = enrolments;
        this.spool = spool;
        this.worker = worker;
        this.clock = clock;
    }

    /**
     * Queues the file for {@code union}; 503 when too many files wait already. Answers the enrolment as queued. A dry
     * run reads and checks every row and enrols nobody; {@code chosen} (column -> field) overrides the vocabulary.
     */
    BulkEnrolmentView accept(MultipartFile upload, KnownOrganization union, String by, boolean dryRun,
            Map<String, String> chosen) {
        String id = UUID.randomUUID().toString();
        var spooled = spool.store(upload, id);
        var enrolment = BulkEnrolment.queue(id, union.asUnion(), upload.getOriginalFilename(), by, clock.instant(),
                dryRun, chosen);
        enrolments.insert(enrolment);
        var queued = BulkEnrolmentView.of(enrolment); // the worker changes the enrolment from now on
        worker.hold(id);
        if (!worker.queue(enrolment, spooled)) {
            enrolments.remove(enrolment);
            spool.deleteQuietly(spooled);
            throw new ServiceUnavailableException("membership-service",
                    "Too many bulk enrolments are waiting; please upload again in a few minutes.");
        }
        return queued;
    }

    /** The enrolment if its union is in the caller's subtree; 404 otherwise. */
    BulkEnrolment require(String id, Caller caller) {
        return AccessScope.of(caller).requireInSubtree(enrolments.findById(id), BulkEnrolment::orgPath,
                "Bulk enrolment", id);
    }

    /** The report of an enrolment in scope, in file order; close the stream. */
    Stream<BulkReportChunk> report(String id) {
        return enrolments.streamReport(id);
    }
}
