package org.unionplatform.benefits.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class SpreadsheetTest {

    @Test
    void cellsAreWrittenAsTextNumbersYuanAndBeijingTime() throws Exception {
        byte[] bytes = Spreadsheet.write("发放记录", List.of("编号", "数量", "金额(元)", "时间", "空"),
                List.of(Arrays.asList("g-1", 3L, new Spreadsheet.Yuan(12_345L), Instant.parse("2026-12-01T16:30:00Z"),
                        null)));

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = workbook.getSheet("发放记录");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("金额(元)");
            var row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("g-1");
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(123.45);
            assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(row.getCell(3).getStringCellValue()).as("the next day in Beijing").isEqualTo("2026-12-02 00:30:00");
            assertThat(row.getCell(4)).isNull();
        }
    }

    @Test
    void theDownloadCarriesTheChineseFileNameEncoded() {
        var answer = Spreadsheet.download("发放记录.xlsx", new byte[] {1});

        assertThat(answer.getHeaders().getContentType()).isEqualTo(Spreadsheet.XLSX);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment").contains("filename*=UTF-8''%E5%8F%91%E6%94%BE");
    }
}
