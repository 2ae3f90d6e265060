package org.unionplatform.membership.bulk;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The report lines of one batch: rows refused (with line, column and reason), rows whose person already is a
 * member, rows enrolled with a note (their division was the union's own), and in a dry run every row. One document
 * per batch keeps a 100,000-row report to a hundred writes.
 */
@Document("bulk_enrolment_reports")
@CompoundIndex(name = "enrolment_order", def = "{'enrolmentId': 1, 'sequence': 1}", unique = true)
record BulkReportChunk(@Id String id, String enrolmentId, int sequence, List<Line> lines) {

    enum Kind {
        REJECTED("未入会"), ALREADY_MEMBER("已是会员"), ENROLLED("已入会"), WOULD_ENROL("将入会");

        /** How the Chinese report says it. */
        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * @param code the reason's stable English code (lines stored before codes existed have none)
     * @param reason the reason in Chinese
     */
    record Line(long line, String column, Kind kind, String code, String reason) {

        static Line of(long line, String column, Kind kind, RowReasons.Reason reason) {
            return new Line(line, column, kind, reason.code(), reason.text());
        }
    }
}
