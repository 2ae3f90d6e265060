package org.unionplatform.common.rows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams the rows of an uploaded file (CSV in UTF-8 or GBK, or the first sheet of an XLSX workbook), one at a time,
 * never the whole file in memory: membership-service's rosters and organization-service's company surveys read
 * their uploads through it. XLSX needs Apache POI ({@code poi-ooxml}) on the service's class path.
 */
public sealed interface RowReader permits CsvRows, XlsxRows {

    /** Receives each row with its 1-based line number (the header is line 1). */
    @FunctionalInterface
    interface RowHandler {
        void row(long line, List<String> cells) throws IOException;
    }

    void read(Path file, RowHandler handler) throws IOException;

    /** How the file was read, for the progress document (e.g. "CSV GBK"). */
    String describe();

    static RowReader forFile(String fileName, Path file) throws IOException {
        String lower = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return new XlsxRows();
        }
        return CsvRows.detect(file);
    }
}
