package org.unionplatform.membership.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The roster template organizers download: sheet 花名册 with the Chinese headings, every cell formatted as text (so
 * Excel keeps an 18-digit resident ID and a leading zero), and sheet 填写说明 with what each column takes and an
 * example row. The example stays on the second sheet: only the first sheet is read, so it is never enrolled.
 */
final class RosterTemplate {

    private record Column(String field, String heading, String required, String hint, String example) {
    }

    private RosterTemplate() {
    }

    static void write(RosterVocabulary vocabulary, OutputStream out) throws IOException {
        Map<String, List<String>> words = vocabulary.occupationWords();
        String occupations = String.join("、", words.values().stream().map(List::getFirst).toList());
        List<Column> columns = List.of(
                new Column("name", "姓名", "必填", "与身份证一致，最多 40 个字", "张三"),
                new Column("residentId", "身份证号", "必填", "18 位居民身份证号码，末位可为 X；请保持文本格式", "610103199001011234"),
                new Column("phone", "手机号", "必填", "11 位大陆手机号码", "13912345678"),
                new Column("workerType", "职业", "必填", "可填：" + occupations + "；也认得外卖骑手、快递小哥、货运司机、代驾等叫法",
                        "外卖骑手"),
                new Column("platform", "平台", "选填", "所在平台，如 美团、饿了么、货拉拉、滴滴出行", "美团"),
                new Column("divisionCode", "所在区县", "选填", "工作所在区县的 6 位行政区划代码（如 610103）；不填则按本工会所在地登记",
                        "610103"),
                new Column("companyCreditCode", "统一社会信用代码", "选填", "合作企业（加盟商、站点公司）的 18 位代码", ""));
        try (var workbook = new XSSFWorkbook()) {
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle heading = workbook.createCellStyle();
            heading.cloneStyleFrom(text);
            var bold = workbook.createFont();
            bold.setBold(true);
            heading.setFont(bold);
            heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            Sheet roster = workbook.createSheet("花名册");
            var headingRow = roster.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                var cell = headingRow.createCell(c);
                cell.setCellValue(columns.get(c).heading());
                cell.setCellStyle(heading);
                roster.setDefaultColumnStyle(c, text);
                roster.setColumnWidth(c, (c == 1 || c == 6 ? 22 : 14) * 256);
            }
            roster.createFreezePane(0, 1);

            Sheet hints = workbook.createSheet("填写说明");
            String[] hintHeadings = {"列名", "是否必填", "填写说明", "其他可用的列名"};
            var hintHeading = hints.createRow(0);
            for (int c = 0; c < hintHeadings.length; c++) {
                var cell = hintHeading.createCell(c);
                cell.setCellValue(hintHeadings[c]);
                cell.setCellStyle(heading);
            }
            for (int r = 0; r < columns.size(); r++) {
                Column column = columns.get(r);
                var row = hints.createRow(r + 1);
                row.createCell(0).setCellValue(column.heading());
                row.createCell(1).setCellValue(column.required());
                row.createCell(2).setCellValue(column.hint());
                row.createCell(3).setCellValue(String.join("、", vocabulary.headers(column.field()).stream()
                        .filter(name -> !name.equals(column.heading()) && !name.matches("[a-zA-Z]+")).limit(8)
                        .toList()));
            }
            int exampleAt = columns.size() + 2;
            hints.createRow(exampleAt).createCell(0).setCellValue("示例（请在“花名册”表中从第 2 行起逐行填写，本表不会被导入）：");
            var exampleHeading = hints.createRow(exampleAt + 1);
            var example = hints.createRow(exampleAt + 2);
            for (int c = 0; c < columns.size(); c++) {
                var cell = exampleHeading.createCell(c);
                cell.setCellValue(columns.get(c).heading());
                cell.setCellStyle(heading);
                var value = example.createCell(c);
                value.setCellValue(columns.get(c).example());
                value.setCellStyle(text);
            }
            hints.setColumnWidth(0, 22 * 256);
            hints.setColumnWidth(1, 22 * 256);
            hints.setColumnWidth(2, 70 * 256);
            hints.setColumnWidth(3, 60 * 256);
            workbook.write(out);
        }
    }
}
