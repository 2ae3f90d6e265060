package org.unionplatform.common.rows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes), in UTF-8 (with or without a BOM) or in
 * GBK as Chinese Excel saves it. The encoding is decided by reading the whole file once as strict UTF-8: GBK text
 * is practically never valid UTF-8.
 */
public final class CsvRows implements RowReader {

    public static final Charset GBK = Charset.forName("GBK");

    private final Charset charset;

    private CsvRows(Charset charset) {
        this.charset = charset;
    }

    public static CsvRows detect(Path file) throws IOException {
        var strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), strict)) {
            char[] buffer = new char[64 * 1024];
            while (reader.read(buffer) >= 0) {
                // decoding is the check
            }
            return new CsvRows(StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            return new CsvRows(GBK);
        }
    }

    @Override
    public String describe() {
        return "CSV " + charset.name();
    }

    @Override
    public void read(Path file, RowHandler handler) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 64 * 1024)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            long line = 0;
            List<String> cells;
            while ((cells = record(reader)) != null) {
                line++;
                if (!(cells.size() == 1 && cells.getFirst().isBlank())) {
                    handler.row(line, cells);
                }
            }
        }
    }

    /** One record, or null at the end of the input. */
    private static List<String> record(BufferedReader reader) throws IOException {
        int c = reader.read();
        if (c < 0) {
            return null;
        }
        List<String> cells = new ArrayList<>(8);
        StringBuilder cell = new StringBuilder(24);
        boolean quoted = false;
        while (c >= 0) {
            if (quoted) {
                if (c == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        reader.reset();
                    }
                } else {
                    cell.append((char) c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                break;
            } else if (c != '\r') {
                cell.append((char) c);
            }
            c = reader.read();
        }
        cells.add(cell.toString());
        return cells;
    }
}
