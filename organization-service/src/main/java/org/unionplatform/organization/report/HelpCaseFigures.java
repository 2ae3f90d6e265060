package org.unionplatform.organization.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.unionplatform.organization.helpcase.HelpCaseTally;

/**
 * The report's help cases (维权求助) of the subtree, for the report month and for the year through it: cases opened
 * by kind, closed by outcome, resolved within the deadline, money recovered (fen). Read from the live tallies.
 */
record HelpCaseFigures(Period month, Period year) {

    /** The kinds in the order and wording the report shows them. */
    static final Map<String, String> KINDS = kinds();

    record KindRow(String kind, String label, long opened) {
    }

    record Period(List<KindRow> openedByKind, long opened, long resolved, long referred, long withdrawn,
            long resolvedWithinDeadline, long amountRecoveredFen) {

        static Period of(Map<String, Long> counters) {
            List<KindRow> kinds = KINDS.entrySet().stream().map(kind -> new KindRow(kind.getKey(), kind.getValue(),
                    counters.getOrDefault(HelpCaseTally.OPENED + kind.getKey(), 0L))).toList();
            return new Period(kinds, kinds.stream().mapToLong(KindRow::opened).sum(),
                    counters.getOrDefault(HelpCaseTally.CLOSED + "RESOLVED", 0L),
                    counters.getOrDefault(HelpCaseTally.CLOSED + "REFERRED_TO_ARBITRATION_OR_COURT", 0L),
                    counters.getOrDefault(HelpCaseTally.CLOSED + "WITHDRAWN", 0L),
                    counters.getOrDefault(HelpCaseTally.RESOLVED_IN_TIME, 0L),
                    counters.getOrDefault(HelpCaseTally.AMOUNT_FEN, 0L));
        }
    }

    static HelpCaseFigures of(Map<String, Long> month, Map<String, Long> year) {
        return new HelpCaseFigures(Period.of(month), Period.of(year));
    }

    /** A sheet 维权求助 beside the month sheet: the month and the year side by side. */
    void writeSheet(Workbook workbook) {
        Sheet sheet = workbook.createSheet("维权求助");
        Row heading = sheet.createRow(0);
        heading.createCell(0).setCellValue("项目");
        heading.createCell(1).setCellValue("本月");
        heading.createCell(2).setCellValue("本年累计");
        int r = 1;
        for (int k = 0; k < month.openedByKind().size(); k++) {
            r = row(sheet, r, "受理：" + month.openedByKind().get(k).label(), month.openedByKind().get(k).opened(),
                    year.openedByKind().get(k).opened());
        }
        r = row(sheet, r, "受理合计", month.opened(), year.opened());
        r = row(sheet, r, "办结：已解决", month.resolved(), year.resolved());
        r = row(sheet, r, "办结：转劳动仲裁或诉讼", month.referred(), year.referred());
        r = row(sheet, r, "办结：撤回", month.withdrawn(), year.withdrawn());
        r = row(sheet, r, "期限内解决", month.resolvedWithinDeadline(), year.resolvedWithinDeadline());
        Row amount = sheet.createRow(r);
        amount.createCell(0).setCellValue("挽回金额（元）");
        amount.createCell(1).setCellValue(month.amountRecoveredFen() / 100.0);
        amount.createCell(2).setCellValue(year.amountRecoveredFen() / 100.0);
        sheet.setColumnWidth(0, 30 * 256);
    }

    private static int row(Sheet sheet, int r, String label, long monthValue, long yearValue) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(monthValue);
        row.createCell(2).setCellValue(yearValue);
        return r + 1;
    }

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("UNPAID_PAY", "欠薪");
        kinds.put("PLATFORM_PENALTY", "平台罚款与扣款");
        kinds.put("ACCOUNT_BLOCKED", "账号被封");
        kinds.put("WORK_INJURY", "工伤与事故");
        kinds.put("PARTNER_DISPUTE", "与合作商或代理商的纠纷");
        kinds.put("SOCIAL_INSURANCE", "社会保险");
        kinds.put("OTHER", "其他");
        return kinds;
    }
}
