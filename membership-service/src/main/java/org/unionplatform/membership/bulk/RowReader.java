package org.unionplatform.membership.bulk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Streams the rows of an uploaded file, one at a time, never the whole file in memory. */
sealed interface RowReader permits CsvRows, XlsxRows {

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
