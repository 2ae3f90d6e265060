package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.unionplatform.testsupport.security.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * An organizer manages the staff accounts of their subtree: officers and organizers scoped to an organisation in
 * it (the path taken from the tree), attendants of the stations operated in it (learnt from station.opened); never
 * an administrator, nothing outside (404), every change audited.
 */
class AccountsByOrganizerIT extends ServiceIT {

    private static final String PASSWORD = "temporary-pass-1234";

    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    MongoTemplate mongo;
    @Value("${platform.bus.exchange}")
    String exchange;

    @Test
    void anOrganizerCreatesListsDisablesAndResetsTheAccountsOfTheirSubtreeOnly() {
        JsonNode city = createOrganization("账号市总工会", "CITY_FEDERATION", "440300", Roots.guangdong(this));
        JsonNode district = createOrganization("账号区总工会", "DISTRICT_FEDERATION", "440303", id(city));
        JsonNode other = createOrganization("别处市总工会", "CITY_FEDERATION", "440400", Roots.guangdong(this));
        String organizer = TestTokens.organizer(path(city));
        String ours = "st-" + UUID.randomUUID();
        String theirs = "st-" + UUID.randomUUID();
        stationOpened(ours, path(district));
        stationOpened(theirs, path(other));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection("known_stations")
                .countDocuments(new org.bson.Document("_id", new org.bson.Document("$in", List.of(ours, theirs)))) == 2);

        JsonNode officer = post("/api/auth/accounts", organizer, account("officer", "BENEFIT_OFFICER",
                Map.of("orgId", id(district)))).expect(201);
        assertThat(officer.get("orgPath").asString()).as("the path comes from the tree").isEqualTo(path(district));
        JsonNode attendant = post("/api/auth/accounts", organizer, account("attendant", "STATION_ATTENDANT",
                Map.of("stations", List.of(ours)))).expect(201);
        JsonNode outside = post("/api/auth/accounts", ADMIN, account("outside", "STATION_ATTENDANT",
                Map.of("stations", List.of(theirs)))).expect(201);
        assertThat(post("/api/auth/accounts", ADMIN, account("named", "ORGANIZER", Map.of("orgId", id(other))))
                .expect(201).get("orgPath").asString()).as("an administrator may name only the organisation")
                .isEqualTo(path(other));

        post("/api/auth/accounts", organizer, account("boss", "ADMIN", Map.of()))
                .expectProblem(422, null, "account-roles");
        post("/api/auth/accounts", organizer, account("far", "ORGANIZER", Map.of("orgId", id(other)))).expect(404);
        post("/api/auth/accounts", organizer, account("far", "STATION_ATTENDANT", Map.of("stations", List.of(theirs))))
                .expect(404);
        post("/api/auth/accounts", organizer, account("ghost", "STATION_ATTENDANT",
                Map.of("stations", List.of("st-nowhere")))).expectProblem(422, null, "account-stations");
        post("/api/auth/accounts", organizer, account("wrong", "ORGANIZER",
                Map.of("orgId", id(district), "orgPath", path(city)))).expectProblem(422, null, "account-scope");
        post("/api/auth/accounts", organizer, account("nostation", "STATION_ATTENDANT", Map.of()))
                .expectProblem(422, null, "account-scope");

        JsonNode listed = get("/api/auth/accounts?size=200", organizer).expect(200);
        assertThat(listed.get("items").findValuesAsString("username"))
                .contains(officer.get("username").asString(), attendant.get("username").asString())
                .doesNotContain(outside.get("username").asString(), "root", "admin");
        assertThat(get("/api/auth/accounts/" + id(outside), organizer).status()).isEqualTo(404);
        assertThat(post("/api/auth/accounts/" + id(outside) + "/disable", organizer, null).status()).isEqualTo(404);

        assertThat(post("/api/auth/accounts/" + id(attendant) + "/disable", organizer, null).expect(200)
                .get("enabled").asBoolean()).isFalse();
        assertThat(put("/api/auth/accounts/" + id(officer) + "/password", organizer,
                Map.of("password", "another-temporary-99")).status()).isEqualTo(204);
        assertThat(get("/api/auth/audit?action=ACCOUNT_DISABLED&target=account:"
                + attendant.get("username").asString(), ADMIN).expect(200).get("totalItems").asLong()).isOne();
        assertThat(get("/api/auth/accounts", TestTokens.benefitOfficer(path(city))).status()).isEqualTo(403);
    }

    private Map<String, Object> account(String prefix, String role, Map<String, Object> scope) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("password", PASSWORD);
        body.put("roles", List.of(role));
        body.putAll(scope);
        return body;
    }

    private void stationOpened(String stationId, String orgPath) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", "station.opened");
        envelope.put("version", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("producer", "station-service");
        envelope.put("payload", Map.of("stationId", stationId, "name", "测试驿站", "type", "LOVE_STATION",
                "orgPath", orgPath, "divisionCode", "440303"));
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(envelope.get("id").toString());
        properties.setType("station.opened");
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        rabbit.send(exchange, "station.opened", new Message(
                json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8), properties));
    }

    private static String id(JsonNode node) {
        return node.get("id").asString();
    }

    private static String path(JsonNode organization) {
        return organization.get("orgPath").asString();
    }
}
