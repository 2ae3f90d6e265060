package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;
import tools.jackson.databind.JsonNode;

class MonthlyReportIT extends ServiceIT {

    private static final String COURIER_FEDERATION = "/api/organizations/xianyang-courier-federation/reports/monthly";

    @Test
    void theXlsxReportOfTheXianyangCourierFederationShowsTheSameNumbersAsTheJson() throws Exception {
        String officer = TestTokens.benefitOfficer("/shaanxi/xianyang/");
        JsonNode report = get(COURIER_FEDERATION, officer).expect(200);
        HttpAnswer download = get(COURIER_FEDERATION + "/xlsx", officer);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + 17);
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("咸阳市快递行业工会联合会"
                + report.get("year").asInt() + "年" + report.get("month").asInt() + "月建会入会月报.xlsx");

        List<String> types = new ArrayList<>();
        report.get("workerTypes").forEach(t -> types.add(t.get("code").asString()));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.bytes()))) {
            Sheet sheet = workbook.getSheet("月报");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("咸阳市快递行业工会联合会");
            Row heading = sheet.getRow(3);
            assertThat(heading.getCell(0).getStringCellValue()).isEqualTo("月份");
            assertThat(heading.getCell(3).getStringCellValue()).isEqualTo("快递员");
            List<String> figures = new ArrayList<>();
            for (int c = types.size() + 1; c <= types.size() + 7; c++) {
                figures.add(heading.getCell(c).getStringCellValue());
            }
            assertThat(figures).containsExactly("新入会合计", "退会", "转入", "转出", "净增", "新建工会数", "结账");

            int r = 4;
            long courierSum = 0;
            for (JsonNode month : report.get("months")) {
                Row row = sheet.getRow(r++);
                String label = month.get("month").asString();
                assertThat(row.getCell(0).getStringCellValue())
                        .isEqualTo(label.substring(0, 4) + "年" + Integer.parseInt(label.substring(5)) + "月");
                assertRow(row, types, month);
                courierSum += month.get("newMembers").get("COURIER").asLong();
            }
            assertThat(courierSum).as("the demo federation grew this year").isPositive();
            Row total = sheet.getRow(r++);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("累计");
            assertRow(total, types, report.get("totals"));
            Row target = sheet.getRow(r++);
            assertThat(target.getCell(0).getStringCellValue()).isEqualTo("年度目标");
            for (int c = 0; c < types.size(); c++) {
                assertThat((long) target.getCell(c + 1).getNumericCellValue())
                        .isEqualTo(report.get("target").get("newMembers").get(types.get(c)).asLong());
            }
            assertThat((long) target.getCell(types.size() + 1).getNumericCellValue())
                    .isEqualTo(report.get("target").get("total").asLong());
            assertThat((long) target.getCell(types.size() + 6).getNumericCellValue())
                    .isEqualTo(report.get("target").get("unionsFounded").asLong());
            Row completion = sheet.getRow(r++);
            assertThat(completion.getCell(0).getStringCellValue()).isEqualTo("完成率（%）");
            for (int c = 0; c < types.size(); c++) {
                JsonNode percent = report.get("completionPercent").get(types.get(c));
                assertThat(numberOrNull(completion.getCell(c + 1)))
                        .isEqualTo(percent == null || percent.isNull() ? null : percent.asDouble());
            }
            assertThat(numberOrNull(completion.getCell(types.size() + 1)))
                    .isEqualTo(report.get("totalCompletionPercent").asDouble());
            assertThat(report.get("completionPercent").get("COURIER").asDouble()).isPositive();

            r++;
            assertThat(sheet.getRow(r++).getCell(0).getStringCellValue()).isEqualTo("下级组织");
            for (JsonNode child : report.get("children")) {
                Row row = sheet.getRow(r++);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(child.get("name").asString());
                assertThat((long) row.getCell(1).getNumericCellValue())
                        .isEqualTo(child.get("figures").get("total").asLong());
                assertThat((long) row.getCell(5).getNumericCellValue())
                        .isEqualTo(child.get("figures").get("net").asLong());
                assertThat((long) row.getCell(9).getNumericCellValue()).isEqualTo(child.get("members").asLong());
            }

            r++;
            assertThat(sheet.getRow(r++).getCell(0).getStringCellValue()).isEqualTo("企业建会状态");
            for (JsonNode status : report.get("companiesByStatus")) {
                Row row = sheet.getRow(r++);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(status.get("label").asString());
                assertThat((long) row.getCell(1).getNumericCellValue()).isEqualTo(status.get("companies").asLong());
            }
            assertThat((long) sheet.getRow(r + 1).getCell(1).getNumericCellValue())
                    .isEqualTo(report.get("members").asLong());
        }
        assertThat(report.get("members").asLong()).isEqualTo(DemoMembersOnTheBus.XIANYANG_COURIERS);
        assertThat(report.get("companiesByStatus").get(3).get("companies").asLong()).isEqualTo(30);
    }

    @Test
    void aCityReportHasARowPerChildOrganisationWithItsYearSoFar() {
        String officer = TestTokens.benefitOfficer("/shaanxi/xianyang/");
        JsonNode courier = get(COURIER_FEDERATION, officer).expect(200);
        JsonNode city = get("/api/organizations/xianyang/reports/monthly", officer).expect(200);

        JsonNode row = null;
        for (JsonNode child : city.get("children")) {
            if (child.get("organizationId").asString().equals("xianyang-courier-federation")) {
                row = child;
            }
        }
        assertThat(row).as("the courier federation's row").isNotNull();
        assertThat(row.get("name").asString()).isEqualTo("咸阳市快递行业工会联合会");
        assertThat(row.get("members").asLong()).isEqualTo(courier.get("members").asLong());
        assertThat(row.get("figures").get("total").asLong()).isEqualTo(courier.get("totals").get("total").asLong());
        assertThat(row.get("targetTotal").asLong()).isEqualTo(1600);
    }

    @Test
    void outOfScopeReportsDoNotExistAndBadMonthsAreRefused() {
        String officer = TestTokens.benefitOfficer("/shaanxi/xianyang/");
        get("/api/organizations/xian/reports/monthly", officer).expectProblem(404, null, null);
        get("/api/organizations/xian/reports/monthly/xlsx", officer).expectProblem(404, null, null);
        get(COURIER_FEDERATION + "?year=2026&month=13", officer).expectProblem(400, "month", null);
        get(COURIER_FEDERATION + "?year=abc", officer).expectProblem(400, "year", null);
        get(COURIER_FEDERATION, TestTokens.attendant("xy-love-01")).expectProblem(403, null, null);
    }

    private static void assertRow(Row row, List<String> types, JsonNode figures) {
        for (int c = 0; c < types.size(); c++) {
            assertThat((long) row.getCell(c + 1).getNumericCellValue()).as(types.get(c))
                    .isEqualTo(figures.get("newMembers").get(types.get(c)).asLong());
        }
        List<String> names = List.of("total", "leavers", "transfersIn", "transfersOut", "net", "unionsFounded");
        for (int f = 0; f < names.size(); f++) {
            assertThat((long) row.getCell(types.size() + 1 + f).getNumericCellValue()).as(names.get(f))
                    .isEqualTo(figures.get(names.get(f)).asLong());
        }
    }

    private static Double numberOrNull(Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK ? null : cell.getNumericCellValue();
    }
}
