package org.unionplatform.organization.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.unionplatform.common.time.ChinaTime;

/**
 * The monthly report as an XLSX workbook with Chinese headings: one sheet 月报 with the month rows, the year's
 * total, the target and the completion rate, then companies by status. Numbers are numeric cells.
 */
final class MonthlyReportWorkbook {

    static final String SHEET = "月报";
    static final String MONTH_HEADING = "月份";
    static final String TOTAL_HEADING = "新增会员合计";
    static final String UNIONS_HEADING = "新建工会数";
    static final String YEAR_ROW = "累计";
    static final String TARGET_ROW = "年度目标";
    static final String COMPLETION_ROW = "完成率（%）";
    static final String COMPANIES_HEADING = "企业建会状态";
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private MonthlyReportWorkbook() {
    }

    static String fileName(MonthlyReport report) {
        return report.organizationName() + report.year() + "年" + report.month() + "月建会入会月报.xlsx";
    }

    static byte[] write(MonthlyReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<MonthlyReport.WorkerTypeColumn> columns = report.workerTypes();
            int width = columns.size() + 3;

            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(report.organizationName() + report.year() + "年1—" + report.month()
                    + "月建会入会工作月报");
            title.getCell(0).setCellStyle(bold);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
            sheet.createRow(1).createCell(0).setCellValue("统计范围：本组织及全部下级组织　生成时间："
                    + GENERATED.format(report.generatedAt().atZone(ChinaTime.ZONE)) + "（北京时间）");

            Row heading = sheet.createRow(3);
            heading.createCell(0).setCellValue(MONTH_HEADING);
            for (int c = 0; c < columns.size(); c++) {
                heading.createCell(c + 1).setCellValue(columns.get(c).label());
            }
            heading.createCell(columns.size() + 1).setCellValue(TOTAL_HEADING);
            heading.createCell(columns.size() + 2).setCellValue(UNIONS_HEADING);
            heading.forEach(cell -> cell.setCellStyle(bold));

            int r = 4;
            for (MonthlyReport.MonthRow month : report.months()) {
                String label = month.month().substring(0, 4) + "年" + Integer.parseInt(month.month().substring(5))
                        + "月";
                numbers(sheet.createRow(r++), label, columns, month.newMembers(), month.total(),
                        month.unionsFounded());
            }
            numbers(sheet.createRow(r++), YEAR_ROW, columns, report.totals().newMembers(), report.totals().total(),
                    report.totals().unionsFounded());
            numbers(sheet.createRow(r++), TARGET_ROW, columns, report.target().newMembers(),
                    report.target().total(), report.target().unionsFounded());
            Row completion = sheet.createRow(r++);
            completion.createCell(0).setCellValue(COMPLETION_ROW);
            for (int c = 0; c < columns.size(); c++) {
                percent(completion, c + 1, report.completionPercent().get(columns.get(c).code()));
            }
            percent(completion, columns.size() + 1, report.totalCompletionPercent());
            percent(completion, columns.size() + 2, report.unionsCompletionPercent());

            r++;
            Row companiesHeading = sheet.createRow(r++);
            companiesHeading.createCell(0).setCellValue(COMPANIES_HEADING);
            companiesHeading.createCell(1).setCellValue("企业数");
            companiesHeading.forEach(cell -> cell.setCellStyle(bold));
            for (MonthlyReport.CompanyStatusRow status : report.companiesByStatus()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(status.label());
                row.createCell(1).setCellValue(status.companies());
            }
            Row members = sheet.createRow(++r);
            members.createCell(0).setCellValue("会员总数");
            members.createCell(1).setCellValue(report.members());

            sheet.setColumnWidth(0, 16 * 256);
            for (int c = 1; c < width; c++) {
                sheet.setColumnWidth(c, 13 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void numbers(Row row, String label, List<MonthlyReport.WorkerTypeColumn> columns,
            Map<String, Long> values, long total, long unions) {
        row.createCell(0).setCellValue(label);
        for (int c = 0; c < columns.size(); c++) {
            row.createCell(c + 1).setCellValue(values.getOrDefault(columns.get(c).code(), 0L));
        }
        row.createCell(columns.size() + 1).setCellValue(total);
        row.createCell(columns.size() + 2).setCellValue(unions);
    }

    /** A blank cell where there is no target to measure against. */
    private static void percent(Row row, int column, Double value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        } else {
            row.createCell(column).setBlank();
        }
    }
}
