package org.unionplatform.benefits.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.unionplatform.benefits.BenefitsServiceApplication;
import org.unionplatform.benefits.grant.Grant;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;
import org.unionplatform.testsupport.security.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Two benefits-service instances on one database and one queue (the test's context and a second application
 * context started here, as a second replica would run): 200 membership.approved deliveries, shared by both
 * instances' consumers, race 40 restocks sent to both. Packs issued = stock, one per member; then the waiting list
 * is served strictly in its order by restocks sent to both instances at once.
 */
class WelcomePacksTwoInstancesIT extends WelcomeIT {

    private static final int MEMBERS = 200;
    private static final int RESTOCKS = 40;
    private static final int ITEMS_PER_RESTOCK = 3;

    private static ConfigurableApplicationContext second;
    private static int secondPort;

    @Autowired
    Environment environment;

    @BeforeAll
    static void noSecondYet() {
        second = null;
    }

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    /** The second replica: the same database, broker, exchange and queues; its own HTTP port; production hooks. */
    private void startSecondInstance() {
        if (second != null) {
            return;
        }
        Map<String, Object> same = new HashMap<>();
        for (String key : List.of("spring.mongodb.uri", "spring.mongodb.database", "spring.rabbitmq.host",
                "spring.rabbitmq.port", "spring.rabbitmq.username", "spring.rabbitmq.password",
                "spring.rabbitmq.virtual-host", "platform.bus.exchange", "platform.bus.queue-prefix",
                "platform.pii.allow-generated-dev-keys", "platform.security.jwks-uri", "platform.security.issuer",
                "platform.security.audience", "platform.benefits.membership-uri",
                "platform.security.service-token.token-uri", "platform.security.service-token.client-secret",
                "platform.security.service-token.timeout", "platform.benefits.recovery-interval")) {
            same.put(key, environment.getRequiredProperty(key));
        }
        same.put("server.port", 0);
        // The queues are the first instance's too: they are deleted when it stops, not when this one does.
        same.put("platform.bus.delete-topology-on-shutdown", false);
        // As command-line arguments: default properties would lose to application.yml.
        second = new SpringApplicationBuilder(BenefitsServiceApplication.class)
                .run(same.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        secondPort = Integer.parseInt(second.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Test
    void twoInstancesServingAtOnceIssueExactlyTheStockOnePackPerMemberAndServeTheWaitingListInOrder()
            throws Exception {
        startSecondInstance();
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, welcomeProgram(org, 0));
        Instant start = Instant.now().minusSeconds(3600);

        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                int index = i;
                work.add(pool.submit(() -> publish(UUID.randomUUID(), memberId(org, index), org,
                        start.plusSeconds(index))));
                if (i % (MEMBERS / RESTOCKS) == 0) {
                    int restock = work.size();
                    work.add(pool.submit(() -> assertThat(restock(programId, officer, restock % 2 == 0 ? port : secondPort,
                            ITEMS_PER_RESTOCK).status()).isEqualTo(200)));
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
        long stock = (long) RESTOCKS * ITEMS_PER_RESTOCK;
        await().atMost(Duration.ofSeconds(90)).until(() -> mongo.count(
                Query.query(Criteria.where("orgPath").is(org.unionPath())), WelcomeEntry.class) == MEMBERS
                && packs(programId).size() == stock);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> packs(programId).size() == stock);
        assertExact(programId, stock);

        // The rest wait in order; 30 more items sent to both instances at once go to the first 30 of the list.
        List<String> waiting = waitingList(officer, programId);
        assertThat(waiting).hasSize(MEMBERS - (int) stock);
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            List<Future<HttpAnswer>> restocks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int target = i % 2 == 0 ? port : secondPort;
                restocks.add(pool.submit(() -> restock(programId, officer, target, 3)));
            }
            for (Future<HttpAnswer> r : restocks) {
                assertThat(r.get().status()).isEqualTo(200);
            }
        }
        assertExact(programId, stock + 30);
        List<String> servedNow = packs(programId).stream().map(Grant::memberId).filter(waiting::contains).toList();
        assertThat(servedNow).containsExactlyInAnyOrderElementsOf(waiting.subList(0, 30));
        assertThat(waitingList(officer, programId)).containsExactlyElementsOf(waiting.subList(30, waiting.size()));
    }

    private void assertExact(String programId, long issued) {
        List<Grant> packs = packs(programId);
        assertThat(packs).hasSize((int) issued);
        assertThat(packs.stream().map(Grant::memberId).distinct()).hasSize((int) issued);
        Program program = mongo.findById(programId, Program.class);
        assertThat(program.stockIssued()).isEqualTo(issued);
        assertThat(program.stockReserved()).isZero();
        assertThat(program.stockAvailable()).isZero();
        assertThat(program.pending()).isEmpty();
    }

    private List<String> waitingList(String officer, String programId) {
        JsonNode page = get("/api/benefits/welcome-queue?size=100&programId=" + programId, officer).json();
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("memberId").asString()));
        return ids;
    }

    private static HttpAnswer restock(String programId, String officer, int port, int items) {
        return HttpTestClient.local(port).request("POST", "/api/benefits/programs/" + programId + "/stock")
                .token(officer).json(Map.of("items", items)).send();
    }

    private static String memberId(Org org, int index) {
        return "two-" + String.format("%03d", index) + "-" + org.unionId();
    }
}
