package org.unionplatform.common.datastore;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.testsupport.TcpProxy;
import org.unionplatform.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A MongoDB that stops answering (a proxy that holds every byte, connections left open): requests get a 503 problem
 * from the service instead of hanging until the gateway gives up, and readiness goes DOWN; once it answers again,
 * both recover.
 */
@SpringBootTest(classes = DatabaseStallIT.StallApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=stall-test", "platform.security.public-paths=/things/**",
                "platform.datastore.request-timeout=2s"})
class DatabaseStallIT {

    /** Lives as long as the JVM, like the cached context that connects through it. */
    private static volatile TcpProxy mongoProxy;

    /** The client waits far longer than the service's request timeout: a hang would show as this client's timeout. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://" + proxy().host() + ":" + proxy().port());
    }

    @AfterEach
    void resume() {
        proxy().resume();
    }

    @Test
    void aStalledDatabaseAnswersRequestsWith503AndTurnsReadinessDown() throws Exception {
        assertThat(call("POST", "/things/t-1").statusCode()).isEqualTo(200);
        assertThat(call("GET", "/things/t-1").statusCode()).isEqualTo(200);
        assertThat(call("GET", "/actuator/health/readiness").statusCode()).isEqualTo(200);

        proxy().stall();

        HttpResponse<String> read = call("GET", "/things/t-1");
        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(read.headers().firstValue("Retry-After")).isPresent();
        assertThat(read.body()).contains("\"status\":503").contains("requestId");
        assertThat(call("POST", "/things/t-2").statusCode()).isEqualTo(503);
        HttpResponse<String> readiness = call("GET", "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("DOWN");

        proxy().resume();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> call("GET", "/actuator/health/readiness").statusCode() == 200);
        assertThat(call("GET", "/things/t-1").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> call(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static TcpProxy proxy() {
        if (mongoProxy == null) {
            synchronized (DatabaseStallIT.class) {
                if (mongoProxy == null) {
                    URI target = URI.create(TestInfrastructure.mongoUri());
                    mongoProxy = TcpProxy.to(target.getHost(), target.getPort());
                }
            }
        }
        return mongoProxy;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ThingController.class)
    static class StallApplication {
    }

    @RestController
    static class ThingController {

        @Autowired
        MongoTemplate mongo;

        @PostMapping("/things/{id}")
        Map<String, String> save(@PathVariable String id) {
            mongo.save(new Document("_id", id).append("name", "thing " + id), "things");
            return Map.of("id", id);
        }

        @GetMapping("/things/{id}")
        Map<String, Object> find(@PathVariable String id) {
            Document found = mongo.findById(id, Document.class, "things");
            return Map.of("id", id, "found", found != null);
        }
    }
}
