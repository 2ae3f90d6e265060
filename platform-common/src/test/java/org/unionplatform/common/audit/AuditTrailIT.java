package org.unionplatform.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.unionplatform.common.web.RequestIds;
import org.unionplatform.testsupport.TestInfrastructure;

class AuditTrailIT {

    MongoClient client;
    MongoTemplate mongo;

    @BeforeEach
    void connect() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        mongo = new MongoTemplate(client, TestInfrastructure.newDatabaseName());
    }

    @AfterEach
    void clean() {
        mongo.getDb().drop();
        client.close();
        MDC.remove(RequestIds.MDC_KEY);
    }

    @Test
    void recordsCarryTheRequestIdAndAreFoundByFilterNewestFirst() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        MDC.put(RequestIds.MDC_KEY, "req-12345678");
        for (int i = 0; i < 5; i++) {
            AuditTrail trail = new AuditTrail(mongo, Clock.fixed(start.plus(Duration.ofMinutes(i)), ZoneOffset.UTC));
            trail.record("alice", i % 2 == 0 ? "LOGIN_FAILED" : "LOGIN_SUCCEEDED", "account:alice",
                    i % 2 == 0 ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS, Map.of("attempt", "" + i));
        }
        AuditTrail trail = new AuditTrail(mongo, Clock.systemUTC());

        var failures = trail.search(new AuditQuery(null, "LOGIN_FAILED", null, null, null, null), PageRequest.of(0, 2));

        assertThat(failures.getTotalElements()).isEqualTo(3);
        assertThat(failures.getContent()).extracting(r -> r.details().get("attempt")).containsExactly("4", "2");
        assertThat(failures.getContent()).allSatisfy(r -> assertThat(r.requestId()).isEqualTo("req-12345678"));
        var window = trail.search(new AuditQuery("alice", null, "account:alice", null,
                start.plus(Duration.ofMinutes(1)), start.plus(Duration.ofMinutes(3))), PageRequest.of(0, 10));
        assertThat(window.getContent()).extracting(r -> r.details().get("attempt")).containsExactly("2", "1");
    }

    @Test
    void actorIsAnonymousOutsideAnAuthenticatedRequest() {
        AuditRecord entry = new AuditTrail(mongo, Clock.systemUTC())
                .record("PING", "nothing", AuditOutcome.SUCCESS, Map.of());

        assertThat(entry.actor()).isEqualTo(AuditTrail.ANONYMOUS);
    }
}
