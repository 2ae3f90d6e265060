package org.unionplatform.benefits.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.unionplatform.benefits.BenefitsIT;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

/** The officers' XLSX downloads of grants and claims: Chinese headings, Beijing times, yuan, in scope, audited. */
class ExportIT extends BenefitsIT {

    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    @Test
    void grantsDownloadAsAWorkbookWithChineseHeadingsAndBeijingTimesInTheOfficersScopeOnly() throws Exception {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, moneyProgram(org, "冬送温暖 导出", 100_000L, 20_000L));
        String memberId = "xlsx-" + org.unionId();
        member(memberId, org.unionId(), org.unionPath());
        HttpAnswer issued = issue(programId, officer, UUID.randomUUID().toString(), Map.of("memberId", memberId));
        assertThat(issued.status()).isEqualTo(201);
        Instant grantedAt = Instant.parse(issued.json().get("grantedAt").asString());

        HttpAnswer export = get("/api/benefits/grants.xlsx?programId=" + programId, officer);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats");
        assertThat(export.header("Content-Disposition").orElse("")).contains("attachment", "filename*=UTF-8''");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(export.bytes()))) {
            var sheet = workbook.getSheet("发放记录");
            assertThat(texts(sheet.getRow(0))).startsWith("发放编号", "发放时间", "项目", "会员编号", "职业");
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(issued.json().get("id").asString());
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(BEIJING.format(grantedAt));
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("冬送温暖 导出");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo(memberId);
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("网约配送员");
            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(200.0);
            assertThat(row.getCell(9).getStringCellValue()).isEqualTo("已发放");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
        }
        try (var other = new XSSFWorkbook(new ByteArrayInputStream(get("/api/benefits/grants.xlsx?programId="
                + programId, TestTokens.benefitOfficer(newOrg().districtPath())).bytes()))) {
            assertThat(other.getSheet("发放记录").getLastRowNum()).as("another district sees only the headings")
                    .isZero();
        }
        assertThat(get("/api/benefits/grants.xlsx", TestTokens.member(memberId)).status()).isEqualTo(403);
        assertThat(get("/api/benefits/grants.xlsx", null).status()).isEqualTo(401);
        assertThat(get("/api/benefits/audit?action=BENEFITS_EXPORTED&target=report:grants.xlsx", TestTokens.admin())
                .json().get("totalItems").asLong()).isPositive();
    }

    @Test
    void claimsDownloadWithTheirDecisionAndPayout() throws Exception {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        var fields = moneyProgram(org, "互助保障 导出", 300_000L, 1L);
        fields.put("kind", "MUTUAL_AID_INSURANCE");
        fields.put("perClaimCeilingFen", 200_000L);
        String programId = openProgram(officer, fields);
        String memberId = "xlsx-claim-" + org.unionId();
        member(memberId, org.unionId(), org.unionPath());
        // A 503 (membership's answer too slow on a loaded machine) created nothing: submit again.
        var submitted = new java.util.concurrent.atomic.AtomicReference<HttpAnswer>();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            submitted.set(post("/api/benefits/programs/" + programId + "/claims", officer, Map.of("memberId",
                    memberId, "amountFen", 150_000, "description", "住院", "attachments", List.of())));
            return submitted.get().status() != 503;
        });
        String claimId = submitted.get().expect(201).get("id").asString();
        assertThat(post("/api/benefits/claims/" + claimId + "/approval", officer,
                Map.of("amountFen", 100_000, "reason", "部分费用不在范围内")).status()).isEqualTo(200);
        assertThat(post("/api/benefits/claims/" + claimId + "/payout", officer, Map.of("reference", "ICBC-77"))
                .status()).isEqualTo(200);

        HttpAnswer export = get("/api/benefits/claims.xlsx?programId=" + programId, officer);

        assertThat(export.status()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(export.bytes()))) {
            var sheet = workbook.getSheet("理赔");
            assertThat(texts(sheet.getRow(0))).contains("申请金额(元)", "批准金额(元)", "支付凭证号");
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(claimId);
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(1500.0);
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo("已支付");
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(1000.0);
            assertThat(row.getCell(10).getStringCellValue()).isEqualTo("部分费用不在范围内");
            assertThat(row.getCell(12).getStringCellValue()).isEqualTo("ICBC-77");
        }
        assertThat(get("/api/benefits/claims.xlsx?status=NOPE", officer).status()).isEqualTo(400);
    }

    private static List<String> texts(Row row) {
        var texts = new java.util.ArrayList<String>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }
}
