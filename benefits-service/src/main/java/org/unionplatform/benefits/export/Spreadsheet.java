package org.unionplatform.benefits.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.unionplatform.common.time.ChinaTime;

/**
 * One sheet of rows under Chinese headings. A cell is text, a whole number, {@link Yuan} (shown with two decimals)
 * or an {@link Instant} (written as Beijing time, "2026-12-02 14:05:09"); null leaves the cell empty.
 */
public final class Spreadsheet {

    /** The most rows one download holds, newest or next first (the lists are paged on screen, an export is not). */
    public static final int MAX_ROWS = 10_000;

    public static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ChinaTime.ZONE);

    /** An amount of money in fen, written in yuan. */
    public record Yuan(long fen) {
    }

    private Spreadsheet() {
    }

    public static byte[] write(String sheetName, List<String> headings, List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            Sheet sheet = workbook.createSheet(sheetName);
            Row heading = sheet.createRow(0);
            for (int c = 0; c < headings.size(); c++) {
                heading.createCell(c).setCellValue(headings.get(c));
            }
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    switch (value) {
                        case null -> { }
                        case Yuan yuan -> {
                            var cell = row.createCell(c);
                            cell.setCellValue(yuan.fen() / 100.0);
                            cell.setCellStyle(money);
                        }
                        case Number number -> row.createCell(c).setCellValue(number.doubleValue());
                        case Instant instant -> row.createCell(c).setCellValue(BEIJING.format(instant));
                        default -> row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            for (int c = 0; c < headings.size(); c++) {
                sheet.setColumnWidth(c, 18 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The download answer: the workbook under a Chinese file name (RFC 6266 filename*, UTF-8). */
    public static ResponseEntity<byte[]> download(String fileName, byte[] workbook) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(workbook);
    }
}
