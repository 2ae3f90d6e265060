package org.unionplatform.benefits;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of every benefits-service IT: one Spring context (same configuration everywhere, so it is cached once),
 * the real HTTP port, and membership-service (and the token endpoint) faked by one WireMock server.
 * Each test works in its own organisation subtree, so tests never see each other's data. {@link StepCrashes} adds the
 * crash hooks and the movable clock (both idle unless a test arms or moves them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StepCrashes.class)
public abstract class BenefitsIT {

    protected static final WireMockServer MEMBERSHIP = startMembership();
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void membership(DynamicPropertyRegistry registry) {
        // The first instance is down (nothing listens on port 1): every call shows the client moving on to the next.
        registry.add("platform.benefits.membership-uri", () -> "http://127.0.0.1:1," + MEMBERSHIP.baseUrl());
        registry.add("platform.security.service-token.token-uri", () -> MEMBERSHIP.baseUrl() + "/api/auth/oauth/token");
        registry.add("platform.security.service-token.client-secret", () -> "test-secret");
        // The fake issuer's first answer comes from a cold JVM: on a loaded CI machine it can outlast the 2 s default.
        registry.add("platform.security.service-token.timeout", () -> "15s");
        // Recovery is exercised by calling the sweeps directly; the schedule stays out of the way.
        registry.add("platform.benefits.recovery-interval", () -> "1h");
    }

    @Value("${local.server.port}")
    protected int port;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    private RabbitTemplate rabbit;
    @Value("${platform.bus.exchange}")
    private String exchange;

    private static WireMockServer startMembership() {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(64).asynchronousResponseEnabled(false));
        server.start();
        server.stubFor(WireMock.post(urlPathEqualTo("/api/auth/oauth/token"))
                .willReturn(okJson("{\"access_token\":\"benefits-service-token\",\"token_type\":\"Bearer\",\"expires_in\":600}")));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    /** A unique organisation subtree for one test: /shaanxi/xian/t-xxxx/ with a union u-xxxx under it. */
    protected static Org newOrg() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String district = "t-" + suffix;
        String union = "u-" + suffix;
        return new Org(district, "/shaanxi/xian/" + district + "/", union, "/shaanxi/xian/" + district + "/" + union + "/");
    }

    protected record Org(String districtId, String districtPath, String unionId, String unionPath) {
    }

    /** Membership answers for this member: active, a delivery rider in {@code orgPath}, joined a year ago. */
    protected static void member(String memberId, String organizationId, String orgPath) {
        member(memberId, Map.of("status", "ACTIVE", "workerType", "DELIVERY_RIDER", "gender", "FEMALE",
                "organizationId", organizationId, "orgPath", orgPath,
                "joinedOn", LocalDate.now().minusYears(1).toString(), "hardship", false));
    }

    protected static void member(String memberId, Map<String, Object> fields) {
        var body = new java.util.LinkedHashMap<String, Object>(fields);
        body.put("memberId", memberId);
        body.put("birthDate", "1990-01-01");
        MEMBERSHIP.stubFor(WireMock.get(urlPathEqualTo("/api/members/" + memberId + "/eligibility"))
                .willReturn(okJson(JSON.writeValueAsString(body))));
    }

    /** Every member whose id starts with {@code prefix} is an active rider in {@code orgPath}. */
    protected static void members(String prefix, String organizationId, String orgPath) {
        MEMBERSHIP.stubFor(WireMock.get(urlPathMatching("/api/members/" + prefix + "[^/]*/eligibility"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(JSON.writeValueAsString(Map.of("memberId", "from-path", "status", "ACTIVE",
                                "workerType", "DELIVERY_RIDER", "gender", "MALE", "organizationId", organizationId,
                                "orgPath", orgPath, "joinedOn", LocalDate.now().minusYears(1).toString(),
                                "hardship", false)))));
    }

    /** Publishes an event envelope on the test exchange, as its producer's outbox relay would. */
    protected void publish(String type, String producer, UUID eventId, Instant occurredAt, Map<String, Object> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId.toString());
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("producer", producer);
        envelope.put("traceparent", null);
        envelope.put("payload", payload);
        var properties = new MessageProperties();
        properties.setMessageId(eventId.toString());
        properties.setType(type);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        rabbit.send(exchange, type,
                new Message(JSON.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8), properties));
    }

    protected HttpAnswer send(String method, String path, String token, Object body, Map<String, String> headers) {
        return HttpTestClient.local(port).request(method, path).token(token).headers(headers).json(body).send();
    }

    protected HttpAnswer get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    protected HttpAnswer post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    protected HttpAnswer issue(String programId, String token, String key, Object body) {
        return HttpTestClient.local(port).request("POST", "/api/benefits/programs/" + programId + "/grants")
                .token(token).idempotencyKey(key).json(body).send();
    }

    /** Issues a program open to all workers to a worker who is not a member. */
    protected HttpAnswer issueToWorker(String programId, String token, String key, Object body) {
        return HttpTestClient.local(port).request("POST", "/api/benefits/programs/" + programId + "/worker-grants")
                .token(token).idempotencyKey(key).json(body).send();
    }

    /** A summer cooling gift pack of {@code stock} items owned by the district, open to all workers. */
    protected static Map<String, Object> giftPack(Org org, String name, long stock) {
        var fields = new java.util.LinkedHashMap<String, Object>();
        fields.put("name", name);
        fields.put("kind", "SEASONAL_CAMPAIGN");
        fields.put("season", "SUMMER_COOLING");
        fields.put("organizationId", org.districtId());
        fields.put("orgPath", org.districtPath());
        fields.put("startsOn", LocalDate.now().minusDays(10).toString());
        fields.put("endsOn", LocalDate.now().plusDays(30).toString());
        fields.put("stock", stock);
        fields.put("itemName", "清凉礼包");
        fields.put("audience", "ALL_WORKERS");
        return fields;
    }

    /** A mainland mobile number nobody else in the tests uses. */
    protected static String newPhone() {
        return "139" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Creates and opens a program owned by {@code orgId} at {@code orgPath}; returns its id. */
    protected String openProgram(String officer, Map<String, Object> fields) {
        HttpAnswer created = post("/api/benefits/programs", officer, fields);
        if (created.status() != 201) {
            throw new AssertionError("create program: " + created);
        }
        String id = created.json().get("id").asString();
        HttpAnswer opened = post("/api/benefits/programs/" + id + "/open", officer, null);
        if (opened.status() != 200) {
            throw new AssertionError("open program: " + opened);
        }
        return id;
    }

    protected static Map<String, Object> moneyProgram(Org org, String name, long budgetFen, long perGrantFen) {
        var fields = new java.util.LinkedHashMap<String, Object>();
        fields.put("name", name);
        fields.put("kind", "SOLACE_MONEY");
        fields.put("organizationId", org.districtId());
        fields.put("orgPath", org.districtPath());
        fields.put("startsOn", LocalDate.now().minusDays(10).toString());
        fields.put("endsOn", LocalDate.now().plusDays(30).toString());
        fields.put("budgetFen", budgetFen);
        fields.put("amountPerGrantFen", perGrantFen);
        return fields;
    }

    protected JsonNode program(String id, String token) {
        return get("/api/benefits/programs/" + id, token).json();
    }
}
