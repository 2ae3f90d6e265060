package org.unionplatform.membership.bulk;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One uploaded file and its progress; counters are advanced with $inc after each batch, and {@code updatedAt}
 * with them, so an enrolment nobody advances any more (its instance stopped) can be told from a running one.
 */
@Document("bulk_enrolments")
record BulkEnrolment(@Id String id, String organizationId, String organizationName, String orgPath, String fileName,
        String format, String encoding, Status status, long total, long done, long enrolled, long alreadyMembers,
        long rejected, String failure, String createdBy, Instant createdAt, Instant finishedAt, Instant updatedAt) {

    enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }
}
