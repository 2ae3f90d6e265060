package org.unionplatform.membership.bulk;

import java.util.List;

/**
 * What a run made of a file, for the organizer to check (the dry run's answer) and for a page wizard to correct
 * with an explicit mapping: which column was read as which field and why, the values it translated, and the first
 * rows as read (resident IDs and phones masked: this document is stored and shown, the full values never are).
 *
 * @param headerLine the line of the header row
 * @param columns every column of the header, in file order, with the field it was read as (null: not used)
 * @param values the values translated (occupation words, place names, the union's division for empty cells),
 *               each with the number of rows; at most {@value #MAX_VALUES} of them
 * @param firstRows the first data rows as read, cell by cell
 */
record RosterMapping(long headerLine, List<ColumnMapping> columns, List<ValueMapping> values,
        List<List<String>> firstRows) {

    static final int MAX_VALUES = 100;

    /** How a column came to hold a field. */
    enum How {
        /** Its name is one the vocabulary lists for the field. */
        NAMED,
        /** Its name contains one the vocabulary lists (骑手身份证号码). */
        CONTAINS,
        /** The organizer's mapping says so. */
        CHOSEN,
        /** Not read: no field, a second column for a field already read, or the organizer's mapping says so. */
        UNUSED
    }

    record ColumnMapping(int index, String column, String field, How how) {
    }

    record ValueMapping(String field, String from, String to, long rows) {
    }
}
