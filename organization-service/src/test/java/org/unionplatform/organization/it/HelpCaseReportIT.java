package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.testsupport.http.HttpAnswer;

import tools.jackson.databind.JsonNode;

/**
 * Help cases in the monthly report: membership-service's help-case events counted up the tree, by kind, closed by
 * outcome, resolved within the deadline and money recovered, in the month of the event (JSON and the workbook's
 * 维权求助 sheet). A month no other test uses.
 */
class HelpCaseReportIT extends ServiceIT {

    @Autowired
    RabbitTemplate rabbit;
    @Value("${platform.bus.exchange}")
    String exchange;

    @Test
    void theMonthlyReportCountsCasesByKindResolvedInTimeAndMoneyRecovered() throws Exception {
        JsonNode city = createOrganization("维权市总工会", "CITY_FEDERATION", "440600", Roots.guangdong(this));
        JsonNode union = createOrganization("维权某公司工会", "ENTERPRISE_UNION", "440604", city.get("id").asString());
        opened(union, "UNPAID_PAY", at(3));
        opened(union, "UNPAID_PAY", at(4));
        opened(union, "ACCOUNT_BLOCKED", at(5));
        closed(union, "UNPAID_PAY", "RESOLVED", 320_000, true, at(20));
        closed(union, "UNPAID_PAY", "REFERRED_TO_ARBITRATION_OR_COURT", 0, false, at(21));
        closed(union, "ACCOUNT_BLOCKED", "RESOLVED", 0, false, at(22));
        String report = "/api/organizations/" + city.get("id").asString() + "/reports/monthly?year=2020&month=6";

        JsonNode figures = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(report, ADMIN).expect(200).get("helpCases"),
                        h -> h.get("month").get("resolved").asLong() == 2 && h.get("month").get("opened").asLong() == 3);
        JsonNode month = figures.get("month");
        assertThat(kind(month, "UNPAID_PAY")).isEqualTo(2);
        assertThat(kind(month, "ACCOUNT_BLOCKED")).isEqualTo(1);
        assertThat(month.get("referred").asLong()).isEqualTo(1);
        assertThat(month.get("resolvedWithinDeadline").asLong()).isEqualTo(1);
        assertThat(month.get("amountRecoveredFen").asLong()).isEqualTo(320_000);
        assertThat(figures.get("year").get("opened").asLong()).isEqualTo(3);
        JsonNode child = get("/api/organizations/" + union.get("id").asString() + "/reports/monthly?year=2020&month=6",
                ADMIN).expect(200);
        assertThat(child.get("helpCases").get("month").get("opened").asLong()).isEqualTo(3);
        JsonNode july = get(report.replace("month=6", "month=7"), ADMIN).expect(200);
        assertThat(july.get("helpCases").get("month").get("opened").asLong()).isZero();
        assertThat(july.get("helpCases").get("year").get("opened").asLong()).isEqualTo(3);

        HttpAnswer download = get(report.replace("monthly?", "monthly/xlsx?"), ADMIN);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.bytes()))) {
            Sheet sheet = workbook.getSheet("维权求助");
            assertThat(sheet).isNotNull();
            Map<String, Double> byLabel = new LinkedHashMap<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    byLabel.put(row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
                }
            }
            assertThat(byLabel).containsEntry("受理：欠薪", 2.0).containsEntry("期限内解决", 1.0)
                    .containsEntry("挽回金额（元）", 3200.0);
        }
    }

    private static long kind(JsonNode period, String kind) {
        for (JsonNode row : period.get("openedByKind")) {
            if (row.get("kind").asString().equals(kind)) {
                return row.get("opened").asLong();
            }
        }
        throw new AssertionError("no row for " + kind);
    }

    private static Instant at(int day) {
        return LocalDateTime.of(2020, 6, day, 9, 0).atZone(ChinaTime.ZONE).toInstant();
    }

    private void opened(JsonNode union, String kind, Instant at) {
        publish("help-case.opened", Map.of("caseId", "WQ" + UUID.randomUUID(), "kind", kind,
                "organizationId", union.get("id").asString(), "orgPath", union.get("orgPath").asString(),
                "openedAt", at.toString()));
    }

    private void closed(JsonNode union, String kind, String outcome, long fen, boolean inTime, Instant at) {
        publish("help-case.closed", Map.of("caseId", "WQ" + UUID.randomUUID(), "kind", kind,
                "organizationId", union.get("id").asString(), "orgPath", union.get("orgPath").asString(),
                "outcome", outcome, "amountRecoveredFen", fen, "resolvedWithinDeadline", inTime,
                "openedAt", at.minusSeconds(86_400).toString(), "closedAt", at.toString()));
    }

    private void publish(String type, Map<String, Object> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("producer", "membership-service");
        envelope.put("payload", payload);
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(envelope.get("id").toString());
        properties.setType(type);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        rabbit.send(exchange, type, new Message(json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8),
                properties));
    }
}
