package org.unionplatform.benefits.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.unionplatform.benefits.BenefitsIT;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;

class ReportIT extends BenefitsIT {

    @Test
    void programReportCountsPeopleServedAndTheExportHasChineseHeadings() throws Exception {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, moneyProgram(org, "夏送清凉 报表", 100_000L, 10_000L));
        for (int i = 0; i < 3; i++) {
            String memberId = "rep-" + i + "-" + org.unionId();
            member(memberId, org.unionId(), org.unionPath());
            assertThat(issue(programId, officer, UUID.randomUUID().toString(), Map.of("memberId", memberId)).status())
                    .isEqualTo(201);
        }

        var report = get("/api/benefits/programs/" + programId + "/report", officer).json();
        assertThat(report.get("remainingFen").asLong()).isEqualTo(70_000L);
        assertThat(report.get("byWorkerType").get(0).get("key").asString()).isEqualTo("DELIVERY_RIDER");
        assertThat(report.get("byWorkerType").get(0).get("members").asLong()).isEqualTo(3);
        assertThat(report.get("byOrganization").get(0).get("amountFen").asLong()).isEqualTo(30_000L);
        var organizations = get("/api/benefits/reports/organizations", officer).json();
        assertThat(organizations).hasSize(1);
        assertThat(get("/api/benefits/reports/organizations", TestTokens.benefitOfficer(newOrg().districtPath()))
                .json()).isEmpty();

        HttpAnswer export = get("/api/benefits/reports/programs.xlsx", officer);
        assertThat(export.status()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(export.bytes()))) {
            var sheet = workbook.getSheet("福利项目");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("项目名称");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("夏送清凉 报表");
            assertThat(sheet.getRow(1).getCell(10).getStringCellValue()).isEqualTo("300.00");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
        }
    }
}
