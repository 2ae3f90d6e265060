package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.unionplatform.common.time.ChinaTime;
import tools.jackson.databind.JsonNode;

/**
 * Progress from membership events published as real envelopes to the test exchange, compared with totals this
 * test computes on its own: once in order, and once with every event delivered twice in a shuffled order. New
 * members are gross (approvals); leavers and transfers in and out are figures of their own.
 */
class MembershipProgressIT extends ServiceIT {

    private static final ZoneId BEIJING = ChinaTime.ZONE;
    private static final List<String> TYPES = List.of("COURIER", "DELIVERY_RIDER", "TRUCK_DRIVER");

    @Autowired
    RabbitTemplate rabbit;
    @Value("${platform.bus.exchange}")
    String exchange;

    @Test
    void progressEqualsTheIndependentSumInOrder() {
        check(new Random(1), false);
    }

    @Test
    void progressEqualsTheIndependentSumWhenEveryEventArrivesTwiceAndOutOfOrder() {
        check(new Random(2), true);
    }

    private void check(Random random, boolean twiceShuffled) {
        JsonNode city = createOrganization("进度市总工会", "CITY_FEDERATION", "440900", Roots.guangdong(this));
        List<JsonNode> unions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            unions.add(createOrganization("进度工会" + i, "ENTERPRISE_UNION", "440902", city.get("id").asString()));
        }
        JsonNode outside = createOrganization("外市总工会", "CITY_FEDERATION", "441200", Roots.guangdong(this));
        int year = 2024;

        Expected expected = new Expected();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int m = 0; m < 40; m++) {
            String member = UUID.randomUUID().toString();
            String type = TYPES.get(random.nextInt(TYPES.size()));
            JsonNode home = unions.get(random.nextInt(unions.size()));
            Instant approvedAt = at(year, 1 + random.nextInt(6), random);
            events.add(envelope("membership.approved", Map.of("memberId", member, "cardNumber", "C" + m,
                    "organizationId", id(home), "orgPath", path(home), "workerType", type, "gender", "MALE",
                    "channel", "APPLICATION", "approvedAt", approvedAt.toString())));
            expected.approved(home, type, approvedAt);
            JsonNode now = home;
            if (random.nextInt(3) == 0) {
                JsonNode to = random.nextBoolean() ? outside : unions.get(random.nextInt(unions.size()));
                Instant transferredAt = at(year, 7 + random.nextInt(2), random);
                events.add(envelope("membership.transferred", Map.of("memberId", member, "workerType", type,
                        "fromOrganizationId", id(now), "fromOrgPath", path(now), "toOrganizationId", id(to),
                        "toOrgPath", path(to), "transferredAt", transferredAt.toString())));
                expected.transferred(now, to, type, transferredAt);
                now = to;
            }
            if (random.nextInt(4) == 0) {
                Instant withdrawnAt = at(year, 10 + random.nextInt(3), random);
                events.add(envelope("membership.withdrawn", Map.of("memberId", member, "workerType", type,
                        "organizationId", id(now), "orgPath", path(now), "reason", "离职",
                        "withdrawnAt", withdrawnAt.toString())));
                expected.withdrawn(now, type, withdrawnAt);
            }
        }
        List<Map<String, Object>> deliveries = new ArrayList<>(events);
        if (twiceShuffled) {
            deliveries.addAll(events);
            Collections.shuffle(deliveries, random);
        }
        deliveries.forEach(this::publish);

        List<JsonNode> all = new ArrayList<>(unions);
        all.add(city);
        all.add(outside);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            for (JsonNode org : all) {
                assertThat(achieved(id(org), year)).as(id(org)).isEqualTo(expected.year(id(org)));
            }
        });
        if (twiceShuffled) {
            // Let the duplicates still queued arrive, then check nothing was counted twice.
            awaitQueueDrained();
            for (JsonNode org : all) {
                assertThat(achieved(id(org), year)).as(id(org)).isEqualTo(expected.year(id(org)));
            }
        }
        JsonNode report = get("/api/organizations/" + id(city) + "/reports/monthly?year=" + year + "&month=12",
                ADMIN).expect(200);
        for (JsonNode row : report.get("months")) {
            String month = row.get("month").asString();
            for (String type : TYPES) {
                assertThat(row.get("newMembers").get(type).asLong()).as(month + " " + type)
                        .isEqualTo(expected.month(id(city), month, "new:" + type));
            }
            assertThat(row.get("leavers").asLong()).as(month).isEqualTo(expected.month(id(city), month, "leavers"));
            assertThat(row.get("transfersIn").asLong()).as(month).isEqualTo(expected.month(id(city), month, "in"));
            assertThat(row.get("transfersOut").asLong()).as(month).isEqualTo(expected.month(id(city), month, "out"));
            assertThat(row.get("net").asLong()).as(month).isEqualTo(row.get("total").asLong()
                    + row.get("transfersIn").asLong() - row.get("transfersOut").asLong() - row.get("leavers").asLong());
        }
        long leavers = 0;
        for (JsonNode child : report.get("children")) {
            leavers += child.get("figures").get("leavers").asLong();
        }
        assertThat(report.get("children")).hasSize(3);
        assertThat(leavers).as("every leaver of the city left one of its unions")
                .isEqualTo(report.get("totals").get("leavers").asLong());
        JsonNode summary = get("/api/organizations/" + id(city) + "/summary", ADMIN).expect(200);
        assertThat(summary.get("members").asLong()).isEqualTo(expected.members(id(city)));
    }

    private void awaitQueueDrained() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var info = rabbitAdmin().getQueueInfo(queue());
            return info != null && info.getMessageCount() == 0;
        });
        // A message just taken off the queue may still be in the handler.
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
    }

    @Autowired
    org.springframework.amqp.core.AmqpAdmin amqpAdmin;
    @Value("${platform.bus.queue-prefix}")
    String queuePrefix;
    @Value("${spring.application.name}")
    String application;

    private org.springframework.amqp.core.AmqpAdmin rabbitAdmin() {
        return amqpAdmin;
    }

    private String queue() {
        return queuePrefix + application + ".membership-progress";
    }

    private Map<String, Long> achieved(String organizationId, int year) {
        JsonNode progress = get("/api/organizations/" + organizationId + "/targets/" + year + "/progress", ADMIN)
                .expect(200).get("organization").get("newMembers");
        Map<String, Long> values = new HashMap<>();
        progress.properties().forEach(e -> {
            if (e.getValue().asLong() != 0) {
                values.put(e.getKey(), e.getValue().asLong());
            }
        });
        return values;
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

    private static Instant at(int year, int month, Random random) {
        return LocalDateTime.of(year, month, 1 + random.nextInt(28), random.nextInt(24), 0).atZone(BEIJING)
                .toInstant();
    }

    private static String id(JsonNode org) {
        return org.get("id").asString();
    }

    private static String path(JsonNode org) {
        return org.get("orgPath").asString();
    }

    /**
     * The test's own bookkeeping, per organisation on the path: gross approvals per worker type and year, and per
     * month the approvals by type, leavers, transfers in and out of the subtree (a transfer inside it is neither);
     * the net members.
     */
    private static final class Expected {
        private final Map<String, Map<String, Long>> approvedByYear = new HashMap<>();
        private final Map<String, Long> byMonth = new HashMap<>();
        private final Map<String, Long> members = new HashMap<>();

        void approved(JsonNode org, String type, Instant at) {
            for (String id : ids(org)) {
                approvedByYear.computeIfAbsent(id, k -> new HashMap<>()).merge(type, 1L, Long::sum);
                count(id, at, "new:" + type, 1);
            }
        }

        void transferred(JsonNode from, JsonNode to, String type, Instant at) {
            List<String> old = ids(from);
            List<String> now = ids(to);
            old.stream().filter(id -> !now.contains(id)).forEach(id -> count(id, at, "out", -1));
            now.stream().filter(id -> !old.contains(id)).forEach(id -> count(id, at, "in", 1));
        }

        void withdrawn(JsonNode org, String type, Instant at) {
            ids(org).forEach(id -> count(id, at, "leavers", -1));
        }

        /** One more of {@code figure} in the month; {@code memberDelta} to the net members. */
        private void count(String id, Instant at, String figure, long memberDelta) {
            String month = java.time.YearMonth.from(at.atZone(BEIJING)).toString();
            byMonth.merge(id + "|" + month + "|" + figure, 1L, Long::sum);
            members.merge(id, memberDelta, Long::sum);
        }

        private static List<String> ids(JsonNode org) {
            return java.util.Arrays.stream(path(org).split("/")).filter(id -> !id.isEmpty()).toList();
        }

        Map<String, Long> year(String id) {
            return new HashMap<>(approvedByYear.getOrDefault(id, Map.of()));
        }

        long month(String id, String month, String figure) {
            return byMonth.getOrDefault(id + "|" + month + "|" + figure, 0L);
        }

        long members(String id) {
            return members.getOrDefault(id, 0L);
        }
    }
}
