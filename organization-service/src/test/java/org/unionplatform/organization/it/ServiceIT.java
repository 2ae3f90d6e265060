package org.unionplatform.organization.it;

import java.util.UUID;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One configuration for every IT of the service (Spring caches one context): the real service on a random
 * port, this JVM's MongoDB and broker, and the demo data loaded as on the first start of the run command, with
 * demo members announced on the bus as membership-service's demo does ({@link DemoMembersOnTheBus}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.demo-data.enabled=true",
        "platform.demo-data.password=" + ServiceIT.DEMO_PASSWORD,
        "platform.auth.bcrypt-strength=4",
        // Months are closed by the tests that need it, never by the hourly schedule in the middle of another test.
        "platform.reports.closing-cron=-"})
@Import(DemoMembersOnTheBus.class)
public abstract class ServiceIT {

    public static final String DEMO_PASSWORD = "demo-password-for-tests";
    protected static final String ADMIN = TestTokens.admin();
    protected static final String XIAN_ORGANIZER = TestTokens.organizer("/shaanxi/xian/");

    @LocalServerPort
    protected int port;

    @Autowired
    protected ObjectMapper json;
    @Autowired
    private RabbitTemplate demoBus;
    @Value("${platform.bus.exchange}")
    private String demoExchange;
    private static boolean demoMembersPublished;
    private static boolean demoMembersCounted;

    /** Once per test JVM: the demo members' events, published once and counted before any test reads a figure. */
    @BeforeEach
    void demoMembersAnnounced() {
        synchronized (ServiceIT.class) {
            if (!demoMembersPublished) {
                DemoMembersOnTheBus.announce(demoBus, json, demoExchange);
                demoMembersPublished = true;
            }
            if (demoMembersCounted) {
                return;
            }
            // Retried: on a crowded machine the first token check may time out fetching the keys.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        HttpAnswer summary = get("/api/organizations/shaanxi/summary", ADMIN);
                        return summary.status() == 200
                                && summary.json().get("members").asLong() >= DemoMembersOnTheBus.total();
                    });
            demoMembersCounted = true;
        }
    }

    protected HttpAnswer send(String method, String path, String token, Object body) {
        return HttpTestClient.local(port).send(method, path, token, body);
    }

    protected HttpAnswer get(String path, String token) {
        return send("GET", path, token, null);
    }

    protected HttpAnswer post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    protected HttpAnswer put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    protected HttpAnswer delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    /** Creates an organisation as ADMIN and answers its JSON. */
    protected JsonNode createOrganization(String name, String kind, String division, String parentId,
            String... workerTypes) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("divisionCode", division);
        body.put("workerTypes", java.util.List.of(workerTypes));
        body.put("parentId", parentId);
        if (kind.equals("PLATFORM_UNION")) {
            body.put("platforms", java.util.List.of("platform-" + UUID.randomUUID()));
        }
        return post("/api/organizations", ADMIN, body).expect(201);
    }
}
