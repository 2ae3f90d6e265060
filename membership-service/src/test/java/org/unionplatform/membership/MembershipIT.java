package org.unionplatform.membership;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unionplatform.common.events.EventEnvelope;
import org.unionplatform.common.events.EventSubscription;
import org.unionplatform.membership.organization.KnownOrganization;
import org.unionplatform.membership.organization.KnownOrganizations;
import org.unionplatform.membership.signin.CardIssuedMessage;
import org.unionplatform.membership.signin.SignInCode;
import org.unionplatform.membership.signin.SignInCodeSender;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One configuration for every IT of this module, so Spring builds one context: the service on a random port
 * with real security, MongoDB (embedded) and the broker, organization-service faked by WireMock, and a probe
 * that records every membership event the bus delivers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MembershipIT.Probe.class)
public abstract class MembershipIT {

    public static final String SHAANXI = "/shaanxi/";
    public static final String XIAN = "/shaanxi/xian/";
    public static final String SHOUQI_PATH = "/shaanxi/xian/xian-ride-hailing-federation/shouqi-union/";
    public static final String RONGCHENG_PATH = "/shaanxi/xian/xian-ride-hailing-federation/rongcheng-union/";
    public static final String YULIN_TRUCK_PATH = "/shaanxi/yulin/yulin-truck-federation/";

    protected static final WireMockServer ORGANIZATION_SERVICE = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    static {
        ORGANIZATION_SERVICE.start();
        Runtime.getRuntime().addShutdownHook(new Thread(ORGANIZATION_SERVICE::stop));
    }

    @DynamicPropertySource
    static void organizationService(DynamicPropertyRegistry registry) {
        // The first instance is down (nothing listens on port 1): every call shows the client moving on to the next.
        registry.add("membership.dispatch.organization-service-uri",
                () -> "http://127.0.0.1:1," + ORGANIZATION_SERVICE.baseUrl());
        registry.add("membership.sign-in.organization-service-uri",
                () -> "http://127.0.0.1:1," + ORGANIZATION_SERVICE.baseUrl());
        registry.add("platform.security.service-token.token-uri",
                () -> ORGANIZATION_SERVICE.baseUrl() + "/api/auth/oauth/token");
        registry.add("platform.security.service-token.client-secret", () -> "test-secret");
        registry.add("membership.dispatch.redispatch-interval", () -> "300ms");
        registry.add("membership.dispatch.redispatch-backoff-max", () -> "600ms");
        registry.add("membership.dispatch.retry-wait", () -> "20ms");
        registry.add("membership.dispatch.breaker-open-for", () -> "500ms");
        registry.add("membership.applications.overdue.after", () -> "2s");
        registry.add("membership.applications.overdue.check-interval", () -> "300ms");
        // A help case left filed escalates within seconds; the later steps keep their days.
        registry.add("membership.help.deadlines.FILED", () -> "2s");
        registry.add("membership.help.overdue-check-interval", () -> "300ms");
        registry.add("membership.help.max-attachment-size", () -> "64KB");
        registry.add("membership.help.max-attachments", () -> "3");
    }

    /** Every membership.*, help-case.*, activity.* and hardship.* event the bus delivered to this test JVM's own queue. */
    @TestConfiguration
    static class Probe {
        final List<EventEnvelope> received = new CopyOnWriteArrayList<>();

        @Bean
        EventSubscription membershipProbe() {
            return EventSubscription.of("test-probe", event -> received.add(event.envelope()), "membership.*",
                    "help-case.*", "activity.*", "hardship.*");
        }

        /** Replaces the development (logging) sender: tests read the codes members would get by SMS. */
        @Bean
        SentSignInCodes sentSignInCodes() {
            return new SentSignInCodes();
        }
    }

    /** Every one-time code and approval message "sent" by SMS, newest last. */
    public static final class SentSignInCodes implements SignInCodeSender {
        private final List<SignInCode> sent = new CopyOnWriteArrayList<>();
        private final List<CardIssuedMessage> messages = new CopyOnWriteArrayList<>();

        @Override
        public void send(SignInCode code) {
            sent.add(code);
        }

        @Override
        public void send(CardIssuedMessage message) {
            messages.add(message);
        }

        public List<SignInCode> to(String cardNumber) {
            return sent.stream().filter(code -> cardNumber.equals(code.cardNumber())).toList();
        }

        public List<SignInCode> toPhone(String phone) {
            return sent.stream().filter(code -> phone.equals(code.phone())).toList();
        }

        public List<CardIssuedMessage> messagesTo(String phone) {
            return messages.stream().filter(message -> phone.equals(message.phone())).toList();
        }
    }

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    protected int port;
    @Autowired
    protected Probe probe;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected KnownOrganizations organizations;

    @BeforeEach
    void organizationServiceAnswers() {
        ORGANIZATION_SERVICE.resetAll();
        ORGANIZATION_SERVICE.stubFor(post(urlEqualTo("/api/auth/oauth/token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + TestTokens.service("membership-service")
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        dispatchTo("shouqi-union", "首汽约车西安分公司工会", SHOUQI_PATH);
        organizations.remember(new KnownOrganization("shouqi-union", "首汽约车西安分公司工会", SHOUQI_PATH, "610100",
                "ENTERPRISE_UNION"));
        organizations.remember(new KnownOrganization("rongcheng-union", "荣橙出行工会", RONGCHENG_PATH, "610100",
                "ENTERPRISE_UNION"));
        organizations.remember(new KnownOrganization("yulin-truck-federation", "榆林市货车司机行业工会联合会",
                YULIN_TRUCK_PATH, "610800", "INDUSTRY_FEDERATION"));
    }

    protected static void dispatchTo(String organizationId, String name, String orgPath) {
        ORGANIZATION_SERVICE.stubFor(post(urlEqualTo("/api/organizations/dispatch")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"organizationId":"%s","organizationName":"%s","orgPath":"%s","rule":"PLATFORM"}"""
                        .formatted(organizationId, name, orgPath))));
    }

    protected HttpAnswer send(String method, String path, String token, String body) {
        return HttpTestClient.local(port).send(method, path, token, body);
    }

    protected HttpAnswer httpGet(String path, String token) {
        return send("GET", path, token, null);
    }

    protected HttpAnswer httpPost(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    protected static JsonNode json(HttpAnswer response) {
        return JSON.readTree(response.body());
    }

    protected List<EventEnvelope> events(String type) {
        return probe.received.stream().filter(event -> event.type().equals(type)).toList();
    }

    /** Applies and gets the application dispatched to the stubbed union; returns the application id. */
    protected String dispatchedApplication(String residentId) {
        var response = httpPost("/api/members/applications", null,
                People.applicationJson("王师傅", residentId, People.phone(), "RIDE_HAILING_DRIVER"));
        if (response.status() != 202) {
            throw new AssertionError("expected 202, got " + response.status() + " " + response.body());
        }
        // A new application's id is its receipt code.
        return json(response).get("receiptCode").asString();
    }

    /** Applies and approves; returns the approval answer. */
    protected JsonNode approvedMember(String residentId) {
        String applicationId = dispatchedApplication(residentId);
        var approval = httpPost("/api/members/applications/" + applicationId + "/approval",
                TestTokens.organizer(SHOUQI_PATH), null);
        if (approval.status() != 200) {
            throw new AssertionError("expected 200, got " + approval.status() + " " + approval.body());
        }
        return json(approval);
    }
}
