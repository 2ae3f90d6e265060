package org.unionplatform.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

/** A real organization.moved envelope moves the scope path of stations, their visits and their day counters. */
class OrganizationMovesIT extends StationServiceIT {

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    MongoOperations mongo;

    @Value("${platform.bus.exchange}")
    String exchange;

    @Test
    void aMovedSubtreeTakesItsStationsVisitsAndCountsAlong() throws Exception {
        String organizationId = unique("mv");
        String oldPath = "/shaanxi/xianyang/" + organizationId + "/";
        String newPath = "/shaanxi/xian/" + organizationId + "/";
        String station = openStation(unique("moving-org"), oldPath, 34.32, 108.70, "", "610400");
        HttpAnswer visit = send("POST", "/api/checkins", TestTokens.attendant(station), """
                {"visitId":"%s","stationId":"%s","workerType":"COURIER","services":["REST"],"visitedAt":"%s"}"""
                .formatted(UUID.randomUUID(), station, Instant.now().minusSeconds(5)));
        assertThat(visit.status()).isEqualTo(201);

        publishMoved(organizationId, oldPath, newPath);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String collection : new String[] {"stations", "visits", "visit_days"}) {
                Query underStation = Query.query(Criteria.where(collection.equals("stations") ? "_id" : "stationId")
                        .is(station));
                assertThat(mongo.find(underStation, Document.class, collection)).as(collection).isNotEmpty()
                        .allSatisfy(document -> assertThat(document.getString("orgPath")).isEqualTo(newPath));
            }
        });
        assertThat(send("GET", "/api/stations/" + station, TestTokens.organizer("/shaanxi/xian/"), null).status())
                .isEqualTo(200);
        assertThat(send("GET", "/api/stations/" + station, TestTokens.organizer("/shaanxi/xianyang/"), null).status())
                .isEqualTo(404);
    }

    private void publishMoved(String organizationId, String oldPath, String newPath) throws Exception {
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("organizationId", organizationId);
        payload.put("oldPath", oldPath);
        payload.put("newPath", newPath);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId);
        envelope.put("type", "organization.moved");
        envelope.put("version", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("producer", "organization-service");
        envelope.put("traceparent", null);
        envelope.put("payload", payload);
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(eventId);
        properties.setType("organization.moved");
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        rabbit.send(exchange, "organization.moved",
                new Message(json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8), properties));
    }
}
