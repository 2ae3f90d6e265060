package org.unionplatform.membership.bulk;

import java.time.Instant;

/**
 * What a client sees of an upload's progress: the stored document without its internal organisation path. A dry
 * run ({@code dryRun}) counts in {@code wouldEnrol} whom it would have enrolled; {@code mapping} is what the run made
 * of the file (columns, translated values, the first rows as read), present once the header is read.
 * {@code held}: people waiting for the approval of the union being founded they were enrolled into.
 */
record BulkEnrolmentView(String id, String organizationId, String organizationName, String fileName, String format,
        String encoding, boolean dryRun, BulkEnrolment.Status status, long total, long done, long enrolled,
        long wouldEnrol, long alreadyMembers, long rejected, long held, String failure, String createdBy,
        Instant createdAt, Instant finishedAt, RosterMapping mapping) {

    static BulkEnrolmentView of(BulkEnrolment stored) {
        return new BulkEnrolmentView(stored.id(), stored.organizationId(), stored.organizationName(),
                stored.fileName(), stored.format(), stored.encoding(), stored.dryRun(), stored.status(), stored.total(),
                stored.done(), stored.dryRun() ? 0 : stored.enrolled(), stored.dryRun() ? stored.enrolled() : 0,
                stored.alreadyMembers(), stored.rejected(), stored.held(), stored.failure(), stored.createdBy(),
                stored.createdAt(), stored.finishedAt(), stored.mapping());
    }
}
