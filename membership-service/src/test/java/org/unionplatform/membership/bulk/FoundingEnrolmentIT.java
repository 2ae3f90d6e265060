package org.unionplatform.membership.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Query;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.People;
import org.unionplatform.membership.member.Member;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;
import org.unionplatform.testsupport.security.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Bulk enrolment into a union being founded (organization-service's {@code founding.started}, over the broker):
 * the roster is checked and its people held, nobody is a member yet; when the union above approves the founding
 * ({@code organization.established} with the same id), they are admitted and announced.
 */
class FoundingEnrolmentIT extends MembershipIT {

    private static final String PARENT = "/shaanxi/xian/xian-beilin/";

    @Autowired
    RabbitTemplate rabbit;
    @Value("${platform.bus.exchange}")
    String exchange;

    @Test
    void membersEnrolledIntoAUnionBeingFoundedAreHeldUntilItsApprovalThenAdmitted() {
        String foundingId = UUID.randomUUID().toString();
        String path = PARENT + foundingId + "/";
        publish("founding.started", Map.of("foundingId", foundingId, "name", "碑林某配送站联合工会", "kind",
                "JOINT_UNION", "parentId", "xian-beilin", "orgPath", path, "divisionCode", "610103",
                "workerTypes", List.of("DELIVERY_RIDER"), "startedAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> organizations.find(foundingId).isPresent());
        assertThat(organizations.find(foundingId).orElseThrow().beingFounded()).isTrue();

        List<String> rows = new ArrayList<>(List.of("姓名,身份证号,手机号,工种,平台,行政区划代码"));
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String residentId = People.residentId();
            people.add(residentId);
            rows.add("骑手" + i + "," + residentId + "," + People.phone() + ",网约配送员,美团,610103");
        }
        rows.add("错手机," + People.residentId() + ",12345,DELIVERY_RIDER,美团,610103");
        String organizer = TestTokens.organizer(PARENT);
        JsonNode held = enrolAndWait(String.join("\r\n", rows).getBytes(StandardCharsets.UTF_8), foundingId,
                organizer);
        assertThat(held.get("status").asString()).isEqualTo("DONE");
        assertThat(held.get("held").asLong()).isEqualTo(4);
        assertThat(held.get("enrolled").asLong()).isZero();
        assertThat(held.get("rejected").asLong()).as("rows are checked at once").isEqualTo(1);
        assertThat(membersOf(foundingId)).as("nobody is a member of a union that does not exist yet").isZero();

        publish("organization.established", Map.of("organizationId", foundingId, "name", "碑林某配送站联合工会",
                "kind", "JOINT_UNION", "parentId", "xian-beilin", "orgPath", path, "divisionCode", "610103",
                "workerTypes", List.of("DELIVERY_RIDER")));

        String id = held.get("id").asString();
        JsonNode admitted = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> json(httpGet("/api/members/bulk-enrolments/" + id, organizer)),
                enrolment -> enrolment.get("held").asLong() == 0);
        assertThat(admitted.get("enrolled").asLong()).isEqualTo(4);
        assertThat(membersOf(foundingId)).isEqualTo(4);
        assertThat(organizations.find(foundingId).orElseThrow().beingFounded()).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> events("membership.approved").stream()
                .filter(event -> event.payload().get("organizationId").asString().equals(foundingId)
                        && event.payload().get("orgPath").asString().equals(path))
                .count() == 4);
    }

    private long membersOf(String organizationId) {
        return mongo.count(Query.query(where("organizationId").is(organizationId)), Member.class);
    }

    private JsonNode enrolAndWait(byte[] file, String organizationId, String organizer) {
        HttpAnswer accepted = HttpTestClient.local(port)
                .request("POST", "/api/members/bulk-enrolments?organizationId=" + organizationId).token(organizer)
                .multipart("file", "roster.csv", "application/octet-stream", file).send();
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = json(accepted).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String status = json(httpGet("/api/members/bulk-enrolments/" + id, organizer)).get("status").asString();
            return status.equals("DONE") || status.equals("FAILED");
        });
        return json(httpGet("/api/members/bulk-enrolments/" + id, organizer));
    }

    private void publish(String type, Map<String, Object> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("producer", "organization-service");
        envelope.put("payload", payload);
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(envelope.get("id").toString());
        properties.setType(type);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        rabbit.send(exchange, type, new Message(JSON.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8),
                properties));
    }
}
