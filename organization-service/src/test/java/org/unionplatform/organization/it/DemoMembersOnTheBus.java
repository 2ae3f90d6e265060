package org.unionplatform.organization.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.unionplatform.common.events.EventSubscription;
import tools.jackson.databind.ObjectMapper;

/**
 * What membership-service's demo does for this service, in small numbers: it announces demo members of the demo
 * unions with membership.approved, and this service's member figures come from those events only (its own demo
 * seeds none). Also records every organization.established this service publishes, to show the demo tree is
 * announced like any organisation.
 */
@TestConfiguration
public class DemoMembersOnTheBus {

    /** Demo members per union and worker type, announced once per test JVM (before the first IT). */
    static final Map<String, Integer> DELIVERY_RIDERS = Map.of("beilin-delivery-joint", 5,
            "beilin-delivery-sudajia", 2, "beilin-delivery-youqi", 1);
    static final int SHOUQI_DRIVERS = 3;
    static final int XIANYANG_COURIERS = 12;
    static final int YULIN_TRUCK_DRIVERS = 4;

    static int total() {
        return DELIVERY_RIDERS.values().stream().mapToInt(Integer::intValue).sum() + SHOUQI_DRIVERS
                + XIANYANG_COURIERS + YULIN_TRUCK_DRIVERS;
    }

    final List<String> established = new CopyOnWriteArrayList<>();

    @Bean
    EventSubscription demoAnnouncementsProbe() {
        return EventSubscription.of("test-demo-announcements",
                event -> established.add(event.envelope().payload().get("organizationId").asString()),
                "organization.established");
    }

    /** Publishes the demo members' membership.approved envelopes, joined now (this month counts them as new). */
    static void announce(RabbitTemplate rabbit, ObjectMapper json, String exchange) {
        DELIVERY_RIDERS.forEach((union, count) -> announce(rabbit, json, exchange, union,
                "/shaanxi/xian/xian-beilin/" + union + "/", "DELIVERY_RIDER", count));
        announce(rabbit, json, exchange, "shouqi-union", "/shaanxi/xian/xian-ride-hailing-federation/shouqi-union/",
                "RIDE_HAILING_DRIVER", SHOUQI_DRIVERS);
        announce(rabbit, json, exchange, "xianyang-courier-federation",
                "/shaanxi/xianyang/xianyang-courier-federation/", "COURIER", XIANYANG_COURIERS);
        announce(rabbit, json, exchange, "yulin-truck-federation", "/shaanxi/yulin/yulin-truck-federation/",
                "TRUCK_DRIVER", YULIN_TRUCK_DRIVERS);
    }

    private static void announce(RabbitTemplate rabbit, ObjectMapper json, String exchange, String union,
            String path, String workerType, int count) {
        for (int i = 0; i < count; i++) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("memberId", union + "-demo-" + i);
            payload.put("organizationId", union);
            payload.put("orgPath", path);
            payload.put("workerType", workerType);
            payload.put("gender", "MALE");
            payload.put("channel", "BULK");
            payload.put("approvedAt", Instant.now().toString());
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("id", UUID.randomUUID().toString());
            envelope.put("type", "membership.approved");
            envelope.put("version", 1);
            envelope.put("occurredAt", Instant.now().toString());
            envelope.put("producer", "membership-service");
            envelope.put("payload", payload);
            MessageProperties properties = new MessageProperties();
            properties.setMessageId(envelope.get("id").toString());
            properties.setType("membership.approved");
            properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
            rabbit.send(exchange, "membership.approved", new Message(
                    json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8), properties));
        }
    }
}
