package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.unionplatform.testsupport.security.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * A closed month reads the same later: closing snapshots it (once, however often it is asked), events for it that
 * arrive afterwards are shown apart as late adjustments, in JSON and in the workbook. The month is one no other
 * test uses (closing is platform-wide).
 */
class MonthClosingIT extends ServiceIT {

    private static final YearMonth CLOSED = YearMonth.of(2021, 3);

    @Autowired
    RabbitTemplate rabbit;
    @Value("${platform.bus.exchange}")
    String exchange;

    @Test
    void aClosedMonthReadsTheSameAfterLaterEventsWhichShowApartAsLateAdjustments() throws Exception {
        JsonNode city = createOrganization("结账市总工会", "CITY_FEDERATION", "440600", Roots.guangdong(this));
        JsonNode union = createOrganization("结账某公司工会", "ENTERPRISE_UNION", "440604", city.get("id").asString());
        String report = "/api/organizations/" + city.get("id").asString() + "/reports/monthly?year=2021&month=3";
        approve(union, "COURIER", at(10));
        approve(union, "COURIER", at(11));
        withdraw(union, "COURIER", at(20));
        JsonNode before = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(report, ADMIN).expect(200), r -> march(r).get("leavers").asLong() == 1
                        && march(r).get("total").asLong() == 2);

        String closings = "/api/organizations/reports/closings";
        post(closings, XIAN_ORGANIZER, Map.of("year", 2021, "month", 3)).expectProblem(403, null, null);
        YearMonth now = YearMonth.now(ChinaTime.ZONE);
        post(closings, ADMIN, Map.of("year", now.getYear(), "month", now.getMonthValue()))
                .expectProblem(422, "month", "month-not-over");
        JsonNode closed = post(closings, ADMIN, Map.of("year", 2021, "month", 3)).expect(200);
        JsonNode again = post(closings, ADMIN, Map.of("year", 2021, "month", 3)).expect(200);
        assertThat(again.get("closedAt").asString()).as("closing is idempotent")
                .isEqualTo(closed.get("closedAt").asString());

        JsonNode atClosing = get(report, ADMIN).expect(200);
        assertThat(march(atClosing).get("closed").asBoolean()).isTrue();
        assertThat(march(atClosing).get("lateAdjustments").isNull()).isTrue();
        assertThat(march(atClosing).get("newMembers")).isEqualTo(march(before).get("newMembers"));
        assertThat(atClosing.get("members").asLong()).as("members as the month closed").isEqualTo(1);
        assertThat(atClosing.get("children")).extracting(c -> c.get("organizationId").asString())
                .containsExactly(union.get("id").asString());

        approve(union, "COURIER", at(15)); // arrives after the closing, for the closed month
        approve(union, "DELIVERY_RIDER", Instant.now()); // and one for today, changing today's figures

        JsonNode after = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(report, ADMIN).expect(200), r -> !march(r).get("lateAdjustments").isNull());
        assertThat(march(after).get("newMembers")).as("the closed month unchanged")
                .isEqualTo(march(before).get("newMembers"));
        assertThat(march(after).get("total").asLong()).isEqualTo(2);
        assertThat(march(after).get("leavers").asLong()).isEqualTo(1);
        assertThat(march(after).get("net").asLong()).isEqualTo(1);
        assertThat(after.get("totals").get("total").asLong()).isEqualTo(2);
        assertThat(march(after).get("lateAdjustments").get("total").asLong()).isEqualTo(1);
        assertThat(march(after).get("lateAdjustments").get("newMembers").get("COURIER").asLong()).isEqualTo(1);
        assertThat(after.get("lateAdjustments").get("total").asLong()).isEqualTo(1);
        assertThat(after.get("members").asLong()).as("standing figures of the closing, not today's").isEqualTo(1);
        assertThat(after.get("children").get(0).get("figures").get("total").asLong()).isEqualTo(2);

        HttpAnswer download = get(report.replace("monthly?", "monthly/xlsx?"), ADMIN);
        assertThat(download.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.bytes()))) {
            Sheet sheet = workbook.getSheet("月报");
            List<String> firstColumn = new ArrayList<>();
            for (Row row : sheet) {
                firstColumn.add(row.getCell(0) == null ? "" : row.getCell(0).toString());
            }
            int adjustments = firstColumn.indexOf("结账后补录（不计入上表）");
            assertThat(adjustments).isPositive();
            assertThat(firstColumn.get(adjustments + 1)).isEqualTo("2021年3月");
            assertThat(firstColumn).contains("下级组织", "结账某公司工会");
            int types = after.get("workerTypes").size();
            assertThat(sheet.getRow(4 + 2).getCell(types + 7).getStringCellValue()).isEqualTo("已结账");
        }
    }

    private static JsonNode march(JsonNode report) {
        return report.get("months").get(2);
    }

    private static Instant at(int day) {
        return LocalDateTime.of(CLOSED.getYear(), CLOSED.getMonthValue(), day, 9, 0).atZone(ChinaTime.ZONE)
                .toInstant();
    }

    private void approve(JsonNode union, String type, Instant at) {
        publish("membership.approved", Map.of("memberId", UUID.randomUUID().toString(), "cardNumber", "C1",
                "organizationId", union.get("id").asString(), "orgPath", union.get("orgPath").asString(),
                "workerType", type, "gender", "MALE", "channel", "APPLICATION", "approvedAt", at.toString()));
    }

    private void withdraw(JsonNode union, String type, Instant at) {
        publish("membership.withdrawn", Map.of("memberId", UUID.randomUUID().toString(), "workerType", type,
                "organizationId", union.get("id").asString(), "orgPath", union.get("orgPath").asString(),
                "reason", "离职", "withdrawnAt", at.toString()));
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
