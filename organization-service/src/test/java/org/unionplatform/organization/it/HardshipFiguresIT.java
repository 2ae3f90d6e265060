package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

/**
 * Members in hardship per organisation, from membership-service's hardship events published as real envelopes:
 * counted up the tree, down again at a lapse, and a redelivered event counted once.
 */
class HardshipFiguresIT extends ServiceIT {

    @Autowired
    RabbitTemplate rabbit;
    @Value("${platform.bus.exchange}")
    String exchange;

    @Test
    void registrationsAndLapsesMoveTheMembersInHardshipOfTheUnionAndEveryUnionAbove() {
        JsonNode city = createOrganization("困难建档市总工会", "CITY_FEDERATION", "440900", Roots.guangdong(this));
        JsonNode union = createOrganization("困难建档快递工会", "ENTERPRISE_UNION", "440902", city.get("id").asString());
        String unionId = union.get("id").asString();
        String unionPath = union.get("orgPath").asString();

        var first = envelope("hardship.registered", Map.of("memberId", "m-1", "organizationId", unionId, "orgPath",
                unionPath, "reason", "INJURY", "reviewOn", "2027-06-01", "registeredAt", Instant.now().toString()));
        publish(first);
        publish(first); // delivered twice: counted once
        publish(envelope("hardship.registered", Map.of("memberId", "m-2", "organizationId", unionId, "orgPath",
                unionPath, "reason", "FAMILY", "reviewOn", "2027-06-01", "registeredAt", Instant.now().toString())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(inHardship(unionId)).isEqualTo(2);
            assertThat(inHardship(city.get("id").asString())).isEqualTo(2);
        });

        publish(envelope("hardship.lapsed", Map.of("memberId", "m-1", "organizationId", unionId, "orgPath", unionPath,
                "reviewOn", "2027-06-01", "cause", "REVIEW_DUE", "lapsedAt", Instant.now().toString())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(inHardship(unionId)).isEqualTo(1);
            assertThat(inHardship(city.get("id").asString())).isEqualTo(1);
        });
    }

    private long inHardship(String organizationId) {
        return get("/api/organizations/" + organizationId + "/summary", ADMIN).expect(200).get("membersInHardship")
                .asLong();
    }

    private void publish(Map<String, Object> envelope) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(envelope.get("id").toString());
        properties.setType(envelope.get("type").toString());
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        byte[] body = json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8);
        rabbit.send(exchange, envelope.get("type").toString(), new Message(body, properties));
    }

    private static Map<String, Object> envelope(String type, Map<String, Object> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("producer", "membership-service");
        envelope.put("payload", payload);
        return envelope;
    }
}
