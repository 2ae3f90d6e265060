package org.unionplatform.station;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unionplatform.common.events.EventSubscription;
import org.unionplatform.common.events.ReceivedEvent;
import org.unionplatform.common.security.ServiceTokenProperties;
import org.unionplatform.common.security.ServiceTokens;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.ObjectMapper;

/**
 * The one configuration of every station-service IT (one cached Spring context for the module): the real
 * service on a random port, membership-service faked by one WireMock server per JVM, fast sweeps and a
 * breaker that opens after two failures, a capture of the events this service publishes and a count of the
 * documents MongoDB returns ({@link ReadDocuments}); month folds run when a test calls them (and once at start).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.station.visits.counting-sweep=500ms",
        "platform.station.visits.counting-grace=1s",
        "platform.station.visits.verification-sweep=300ms",
        "platform.station.visits.fold-sweep=1h",
        "platform.station.membership.read-timeout-millis=3000",
        "platform.station.membership.time-limit=5s",
        "logging.level.org.unionplatform.station.client=debug",
        "platform.station.membership.minimum-calls=2",
        "platform.station.membership.sliding-window-size=4",
        "platform.station.membership.open-for=1s"})
@Import(StationServiceIT.TestBeans.class)
public abstract class StationServiceIT {

    protected static final WireMockServer MEMBERSHIP = new WireMockServer(options().bindAddress("127.0.0.1")
            .dynamicPort());
    protected static final List<ReceivedEvent> EVENTS = new CopyOnWriteArrayList<>();

    static {
        MEMBERSHIP.start();
        Runtime.getRuntime().addShutdownHook(new Thread(MEMBERSHIP::stop));
    }

    @DynamicPropertySource
    static void membership(DynamicPropertyRegistry registry) {
        // The first instance is down (nothing listens on port 1): every call shows the client moving on to the next.
        registry.add("platform.station.membership.url", () -> "http://127.0.0.1:1,http://127.0.0.1:" + MEMBERSHIP.port());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        /** The service's own token, as the client-credentials grant would give it. */
        @Bean
        @Primary
        ServiceTokens testServiceTokens() {
            return new ServiceTokens(new ServiceTokenProperties("http://127.0.0.1:1/unused", "station-service", "x",
                    Duration.ofSeconds(1), Duration.ofSeconds(1)), "station-service", Clock.systemUTC()) {
                @Override
                public String token() {
                    return TestTokens.service("station-service");
                }
            };
        }

        /** Counts what the server returns per collection ({@link ReadDocuments}). */
        @Bean
        MongoClientSettingsBuilderCustomizer readDocuments() {
            return settings -> settings.addCommandListener(ReadDocuments.INSTANCE);
        }

        @Bean
        EventSubscription capturedEvents() {
            return EventSubscription.of("test-capture", EVENTS::add, "station.*", "checkin.*");
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected ObjectMapper json;

    protected HttpAnswer send(String method, String path, String token, String body) throws Exception {
        return HttpTestClient.local(port).send(method, path, token, body);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Opens an around-the-clock station as ADMIN and returns its id. */
    protected String openStation(String id, String orgPath, double lat, double lon, String amenities,
            String divisionCode) throws Exception {
        String organizationId = orgPath.substring(orgPath.lastIndexOf('/', orgPath.length() - 2) + 1,
                orgPath.length() - 1);
        String body = """
                {"id":"%s","organizationId":"%s","orgPath":"%s","details":{"name":"测试驿站 %s","type":"LOVE_STATION",
                 "address":"咸阳市秦都区","divisionCode":"%s","location":{"lat":%s,"lon":%s},"amenities":[%s],
                 "hours":{"alwaysOpen":true}}}
                """.formatted(id, organizationId, orgPath, id, divisionCode, lat, lon, amenities);
        HttpAnswer reply = send("POST", "/api/stations", TestTokens.admin(), body);
        if (reply.status() != 201) {
            throw new AssertionError("opening station failed: " + reply.status() + " " + reply.body());
        }
        return id;
    }
}
