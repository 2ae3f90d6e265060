package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.unionplatform.testsupport.security.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * A truck driver who joins at a Drivers' Home goes to the union that runs it (rule STATION), learnt from
 * {@code station.opened} published as a real envelope; the other rules decide when the station is unknown or its
 * union does not admit the worker type (docs/organizations.md).
 */
class StationDispatchIT extends ServiceIT {

    @Autowired
    RabbitTemplate rabbit;
    @Value("${platform.bus.exchange}")
    String exchange;

    @Test
    void aDriverWhoJoinsAtADriversHomeLandsInTheUnionThatRunsIt() {
        String station = "dh-" + UUID.randomUUID();
        publishOpened(station, "榆林司机之家·测试服务区", "DRIVERS_HOME", "/shaanxi/yulin/yulin-truck-federation/");

        // Registered in Jingbian, where the county's federation would take him by the usual rules.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(dispatch(station, "610824", "TRUCK_DRIVER").get("organizationId").asString())
                        .isEqualTo("yulin-truck-federation"));
        JsonNode decision = dispatch(station, "610824", "TRUCK_DRIVER");
        assertThat(decision.get("rule").asString()).isEqualTo("STATION");
        assertThat(decision.get("reason").asString()).contains("榆林司机之家·测试服务区").contains("榆林市货车司机行业工会联合会");
        // From anywhere: a driver from Xi'an joining there too.
        assertThat(dispatch(station, "610113", "TRUCK_DRIVER").get("organizationId").asString())
                .isEqualTo("yulin-truck-federation");

        JsonNode usual = dispatch(null, "610824", "TRUCK_DRIVER");
        assertThat(usual.get("organizationId").asString()).isEqualTo("yulin-jingbian-new-form-federation");
        assertThat(usual.get("rule").asString()).isEqualTo("INDUSTRY_FEDERATION");
    }

    @Test
    void otherRulesDecideWhenTheStationsUnionDoesNotAdmitTheWorker() {
        String courierStation = "love-" + UUID.randomUUID();
        publishOpened(courierStation, "快递爱心驿站", "LOVE_STATION", "/shaanxi/xianyang/xianyang-courier-federation/");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(dispatch(courierStation, "610824", "COURIER").get("rule").asString()).isEqualTo("STATION"));
        // The courier federation takes no truck drivers: the usual rules.
        JsonNode truck = dispatch(courierStation, "610824", "TRUCK_DRIVER");
        assertThat(truck.get("organizationId").asString()).isEqualTo("yulin-jingbian-new-form-federation");

        // A station run by a district federation, which admits nobody: the usual rules.
        String reading = "reading-" + UUID.randomUUID();
        publishOpened(reading, "职工书屋", "READING_ROOM", "/shaanxi/xian/xian-beilin/");
        String marker = "dh-" + UUID.randomUUID();
        publishOpened(marker, "标记", "DRIVERS_HOME", "/shaanxi/yulin/yulin-truck-federation/");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(dispatch(marker, "610824", "TRUCK_DRIVER").get("rule").asString()).isEqualTo("STATION"));
        assertThat(dispatch(reading, "610113", "RIDE_HAILING_DRIVER").get("rule").asString())
                .isEqualTo("INDUSTRY_FEDERATION");

        // A station never announced.
        assertThat(dispatch("no-such-station", "610824", "TRUCK_DRIVER").get("organizationId").asString())
                .isEqualTo("yulin-jingbian-new-form-federation");
    }

    @Test
    void aMalformedStationIdIsBadInput() {
        Map<String, Object> request = new HashMap<>(Map.of("divisionCode", "610824", "workerType", "TRUCK_DRIVER",
                "stationId", "../x"));
        post("/api/organizations/dispatch", TestTokens.service("membership-service"), request)
                .expectProblem(400, null, null);
    }

    private JsonNode dispatch(String stationId, String divisionCode, String workerType) {
        Map<String, Object> request = new HashMap<>();
        request.put("stationId", stationId);
        request.put("divisionCode", divisionCode);
        request.put("workerType", workerType);
        return post("/api/organizations/dispatch", TestTokens.service("membership-service"), request).expect(200);
    }

    private void publishOpened(String stationId, String name, String type, String orgPath) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", "station.opened");
        envelope.put("version", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("producer", "station-service");
        envelope.put("payload", Map.of("stationId", stationId, "name", name, "type", type, "orgPath", orgPath,
                "divisionCode", "610800"));
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(envelope.get("id").toString());
        properties.setType("station.opened");
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        rabbit.send(exchange, "station.opened",
                new Message(json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8), properties));
    }
}
