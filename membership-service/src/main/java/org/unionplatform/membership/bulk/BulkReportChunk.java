package org.unionplatform.membership.bulk;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The report lines of one batch: rows refused (with line, column and reason) and rows whose person already is
 * a member. One document per batch keeps a 100,000-row report to a hundred writes.
 */
@Document("bulk_enrolment_reports")
@CompoundIndex(name = "enrolment_order", def = "{'enrolmentId': 1, 'sequence': 1}", unique = true)
record BulkReportChunk(@Id String id, String enrolmentId, int sequence, List<Line> lines) {

    enum Kind {
        REJECTED, ALREADY_MEMBER
    }

    record Line(long line, String column, Kind kind, String reason) {
    }
}
