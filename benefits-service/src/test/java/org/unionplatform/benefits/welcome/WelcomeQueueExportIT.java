package org.unionplatform.benefits.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

/** The waiting list as an XLSX download: in queue order, queue times in Beijing time, the caller's subtree only. */
class WelcomeQueueExportIT extends WelcomeIT {

    @Test
    void theWaitingListDownloadsInQueueOrder() throws Exception {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        openProgram(officer, welcomeProgram(org, 0));
        Instant start = Instant.now().minusSeconds(900).truncatedTo(ChronoUnit.SECONDS);
        List<String> members = List.of("xq0-" + org.unionId(), "xq1-" + org.unionId());
        for (int i = 0; i < members.size(); i++) {
            publish(UUID.randomUUID(), members.get(i), org, start.plusSeconds(i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> members.stream()
                .allMatch(m -> mongo.findById(WelcomeEntry.idOf(m), WelcomeEntry.class) != null));

        HttpAnswer export = get("/api/benefits/welcome-queue.xlsx", TestTokens.organizer(org.districtPath()));

        assertThat(export.status()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(export.bytes()))) {
            var sheet = workbook.getSheet("入会礼包排队");
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("排队时间");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(members.get(0));
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo(members.get(1));
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo(DateTimeFormatter
                    .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai")).format(start));
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("等待中");
        }
        assertThat(get("/api/benefits/welcome-queue.xlsx", TestTokens.member(members.get(0))).status()).isEqualTo(403);
    }
}
