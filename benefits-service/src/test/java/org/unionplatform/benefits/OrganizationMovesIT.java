package org.unionplatform.benefits;

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
import org.unionplatform.testsupport.security.TestTokens;

/** organization.moved, published on the test exchange: programs and grants follow their subtree to its new place. */
class OrganizationMovesIT extends BenefitsIT {

    @Autowired
    RabbitTemplate rabbit;
    @Value("${platform.bus.exchange}")
    String exchange;

    @Test
    void aMovedSubtreeTakesItsProgramsAndGrantsWithIt() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, moneyProgram(org, "慰问金 迁移", 100_000L, 10_000L));
        String memberId = "mv-" + org.unionId();
        member(memberId, org.unionId(), org.unionPath());
        String grantId = issue(programId, officer, UUID.randomUUID().toString(), Map.of("memberId", memberId))
                .json().get("id").asString();
        String newDistrictPath = "/shaanxi/xianyang/" + org.districtId() + "/";
        String movedOfficer = TestTokens.benefitOfficer(newDistrictPath);

        publishMoved(org.districtPath(), newDistrictPath);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/benefits/grants/" + grantId, movedOfficer).status() == 200);
        assertThat(get("/api/benefits/programs/" + programId, movedOfficer).status()).isEqualTo(200);
        assertThat(get("/api/benefits/programs/" + programId, officer).status()).isEqualTo(404);
        assertThat(get("/api/benefits/grants/" + grantId, officer).status()).isEqualTo(404);
    }

    private void publishMoved(String oldPath, String newPath) {
        UUID eventId = UUID.randomUUID();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("organizationId", oldPath.substring(oldPath.lastIndexOf('/', oldPath.length() - 2) + 1,
                oldPath.length() - 1));
        payload.put("oldPath", oldPath);
        payload.put("newPath", newPath);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId.toString());
        envelope.put("type", "organization.moved");
        envelope.put("version", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("producer", "organization-service");
        envelope.put("traceparent", null);
        envelope.put("payload", payload);
        var properties = new MessageProperties();
        properties.setMessageId(eventId.toString());
        properties.setType("organization.moved");
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        rabbit.send(exchange, "organization.moved",
                new Message(JSON.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8), properties));
    }
}
