package org.unionplatform.membership.bulk;

import java.time.Instant;

/**
 * What a client sees of an upload's progress: the stored document without its internal organisation path.
 * {@code held}: people waiting for the approval of the union being founded they were enrolled into.
 */
record BulkEnrolmentView(String id, String organizationId, String organizationName, String fileName, String format,
        String encoding, BulkEnrolment.Status status, long total, long done, long enrolled, long alreadyMembers,
        long rejected, long held, String failure, String createdBy, Instant createdAt, Instant finishedAt) {

    static BulkEnrolmentView of(BulkEnrolment stored) {
        return new BulkEnrolmentView(stored.id(), stored.organizationId(), stored.organizationName(),
                stored.fileName(), stored.format(), stored.encoding(), stored.status(), stored.total(), stored.done(),
                stored.enrolled(), stored.alreadyMembers(), stored.rejected(), stored.held(), stored.failure(),
                stored.createdBy(), stored.createdAt(), stored.finishedAt());
    }
}
