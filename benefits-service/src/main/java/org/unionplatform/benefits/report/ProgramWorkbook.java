package org.unionplatform.benefits.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.unionplatform.benefits.program.Program;

/** The XLSX export: one sheet of programs, one of organisation totals; Chinese headings, yuan with two decimals. */
final class ProgramWorkbook {

    static final List<String> PROGRAM_HEADINGS = List.of("项目编号", "项目名称", "类别", "季节", "所属组织", "状态",
            "开始日期", "结束日期", "预算(元)", "已预留(元)", "已发放(元)", "剩余(元)", "库存总数", "剩余库存", "已发放数量");
    static final List<String> ORGANIZATION_HEADINGS = List.of("组织编号", "受益人数", "发放次数", "发放金额(元)",
            "发放物品数", "涉及项目数");
    private static final Map<String, String> STATUS = Map.of("DRAFT", "草稿", "OPEN", "进行中", "CLOSED", "已结束");

    private ProgramWorkbook() {
    }

    static byte[] write(List<Program> programs, List<Reports.Line> organizations) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("福利项目");
            heading(sheet, PROGRAM_HEADINGS);
            int r = 1;
            for (Program p : programs) {
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(p.id());
                row.createCell(c++).setCellValue(p.name());
                row.createCell(c++).setCellValue(p.kind());
                row.createCell(c++).setCellValue(p.season() == null ? "" : p.season());
                row.createCell(c++).setCellValue(p.organizationId());
                row.createCell(c++).setCellValue(STATUS.getOrDefault(p.status().name(), p.status().name()));
                row.createCell(c++).setCellValue(p.startsOn().toString());
                row.createCell(c++).setCellValue(p.endsOn().toString());
                yuan(row, c++, p.budgetFen());
                yuan(row, c++, p.reservedFen());
                yuan(row, c++, p.spentFen());
                yuan(row, c++, p.availableFen());
                count(row, c++, p.stockTotal());
                count(row, c++, p.stockAvailable());
                count(row, c, p.stockIssued());
            }
            Sheet orgs = workbook.createSheet("各组织合计");
            heading(orgs, ORGANIZATION_HEADINGS);
            r = 1;
            for (Reports.Line line : organizations) {
                Row row = orgs.createRow(r++);
                row.createCell(0).setCellValue(line.key());
                row.createCell(1).setCellValue(line.members());
                row.createCell(2).setCellValue(line.grants());
                yuan(row, 3, line.amountFen());
                row.createCell(4).setCellValue(line.items());
                row.createCell(5).setCellValue(line.programs());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(Sheet sheet, List<String> headings) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < headings.size(); i++) {
            row.createCell(i).setCellValue(headings.get(i));
        }
    }

    /** Fen to yuan for display only; the stored and computed values stay integer fen. */
    private static void yuan(Row row, int column, Long fen) {
        if (fen != null) {
            row.createCell(column).setCellValue(new BigDecimal(fen).movePointLeft(2).toPlainString());
        }
    }

    private static void count(Row row, int column, Long value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }
}
