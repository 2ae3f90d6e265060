package org.unionplatform.organization.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.unionplatform.common.time.ChinaTime;

/**
 * The monthly report as an XLSX workbook with Chinese headings: one sheet 月报 with the month rows (gross figures
 * apart: new members by worker type, leavers, transfers in and out, net change, unions founded; closed months
 * marked), the year's total, the target and the completion rate, the late adjustments of closed months, a row per
 * child organisation, then companies by status and members. Numbers are numeric cells.
 */
final class MonthlyReportWorkbook {

    static final String SHEET = "月报";
    static final String MONTH_HEADING = "月份";
    static final String TOTAL_HEADING = "新入会合计";
    static final String LEAVERS_HEADING = "退会";
    static final String TRANSFERS_IN_HEADING = "转入";
    static final String TRANSFERS_OUT_HEADING = "转出";
    static final String NET_HEADING = "净增";
    static final String UNIONS_HEADING = "新建工会数";
    static final String CLOSED_HEADING = "结账";
    static final String CLOSED = "已结账";
    static final String YEAR_ROW = "累计";
    static final String TARGET_ROW = "年度目标";
    static final String COMPLETION_ROW = "完成率（%）";
    static final String ADJUSTMENTS_HEADING = "结账后补录（不计入上表）";
    static final String CHILDREN_HEADING = "下级组织";
    static final String CHILD_TARGET_HEADING = "新入会目标";
    static final String MEMBERS_HEADING = "会员总数";
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
            int types = columns.size();
            int width = types + 8;

            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(report.organizationName() + report.year() + "年1—" + report.month()
                    + "月建会入会工作月报");
            title.getCell(0).setCellStyle(bold);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
            sheet.createRow(1).createCell(0).setCellValue("统计范围：本组织及全部下级组织；按事件发生时间（北京时间）计入月份　生成时间："
                    + GENERATED.format(report.generatedAt().atZone(ChinaTime.ZONE)) + "（北京时间）");

            Row heading = sheet.createRow(3);
            heading.createCell(0).setCellValue(MONTH_HEADING);
            for (int c = 0; c < types; c++) {
                heading.createCell(c + 1).setCellValue(columns.get(c).label());
            }
            String[] figures = {TOTAL_HEADING, LEAVERS_HEADING, TRANSFERS_IN_HEADING, TRANSFERS_OUT_HEADING,
                    NET_HEADING, UNIONS_HEADING, CLOSED_HEADING};
            for (int f = 0; f < figures.length; f++) {
                heading.createCell(types + 1 + f).setCellValue(figures[f]);
            }
            heading.forEach(cell -> cell.setCellStyle(bold));

            int r = 4;
            for (MonthlyReport.MonthRow month : report.months()) {
                Row row = sheet.createRow(r++);
                figures(row, monthLabel(month.month()), columns, new Figures(month.newMembers(), month.total(),
                        month.leavers(), month.transfersIn(), month.transfersOut(), month.net(),
                        month.unionsFounded()));
                row.createCell(types + 7).setCellValue(month.closed() ? CLOSED : "");
            }
            figures(sheet.createRow(r++), YEAR_ROW, columns, report.totals());
            Row target = sheet.createRow(r++);
            target.createCell(0).setCellValue(TARGET_ROW);
            for (int c = 0; c < types; c++) {
                target.createCell(c + 1).setCellValue(report.target().newMembers().getOrDefault(columns.get(c).code(),
                        0L));
            }
            target.createCell(types + 1).setCellValue(report.target().total());
            target.createCell(types + 6).setCellValue(report.target().unionsFounded());
            Row completion = sheet.createRow(r++);
            completion.createCell(0).setCellValue(COMPLETION_ROW);
            for (int c = 0; c < types; c++) {
                percent(completion, c + 1, report.completionPercent().get(columns.get(c).code()));
            }
            percent(completion, types + 1, report.totalCompletionPercent());
            percent(completion, types + 6, report.unionsCompletionPercent());

            if (report.months().stream().anyMatch(m -> m.lateAdjustments() != null)) {
                r++;
                boldRow(sheet.createRow(r++), bold, ADJUSTMENTS_HEADING);
                for (MonthlyReport.MonthRow month : report.months()) {
                    if (month.lateAdjustments() != null) {
                        figures(sheet.createRow(r++), monthLabel(month.month()), columns, month.lateAdjustments());
                    }
                }
            }

            r++;
            boldRow(sheet.createRow(r++), bold, CHILDREN_HEADING, TOTAL_HEADING, LEAVERS_HEADING,
                    TRANSFERS_IN_HEADING, TRANSFERS_OUT_HEADING, NET_HEADING, UNIONS_HEADING, CHILD_TARGET_HEADING,
                    COMPLETION_ROW, MEMBERS_HEADING);
            for (MonthlyReport.ChildRow child : report.children()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(child.name());
                Figures f = child.figures();
                long[] values = {f.total(), f.leavers(), f.transfersIn(), f.transfersOut(), f.net(),
                        f.unionsFounded(), child.targetTotal()};
                for (int v = 0; v < values.length; v++) {
                    row.createCell(v + 1).setCellValue(values[v]);
                }
                percent(row, 8, child.completionPercent());
                row.createCell(9).setCellValue(child.members());
            }

            r++;
            boldRow(sheet.createRow(r++), bold, COMPANIES_HEADING, "企业数");
            for (MonthlyReport.CompanyStatusRow status : report.companiesByStatus()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(status.label());
                row.createCell(1).setCellValue(status.companies());
            }
            Row members = sheet.createRow(++r);
            members.createCell(0).setCellValue(MEMBERS_HEADING);
            members.createCell(1).setCellValue(report.members());
            Row consultations = sheet.createRow(++r);
            consultations.createCell(0).setCellValue("本月集体协商（次）");
            consultations.createCell(1).setCellValue(report.consultations().month());
            consultations.createCell(2).setCellValue("本年累计 " + report.consultations().yearToDate());

            sheet.setColumnWidth(0, 24 * 256);
            for (int c = 1; c < width; c++) {
                sheet.setColumnWidth(c, 13 * 256);
            }
            report.helpCases().writeSheet(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String monthLabel(String month) {
        return month.substring(0, 4) + "年" + Integer.parseInt(month.substring(5)) + "月";
    }

    private static void boldRow(Row row, CellStyle bold, String... labels) {
        for (int c = 0; c < labels.length; c++) {
            row.createCell(c).setCellValue(labels[c]);
            row.getCell(c).setCellStyle(bold);
        }
    }

    private static void figures(Row row, String label, List<MonthlyReport.WorkerTypeColumn> columns, Figures f) {
        row.createCell(0).setCellValue(label);
        int types = columns.size();
        for (int c = 0; c < types; c++) {
            row.createCell(c + 1).setCellValue(f.newMembers().getOrDefault(columns.get(c).code(), 0L));
        }
        long[] values = {f.total(), f.leavers(), f.transfersIn(), f.transfersOut(), f.net(), f.unionsFounded()};
        for (int v = 0; v < values.length; v++) {
            row.createCell(types + 1 + v).setCellValue(values[v]);
        }
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
