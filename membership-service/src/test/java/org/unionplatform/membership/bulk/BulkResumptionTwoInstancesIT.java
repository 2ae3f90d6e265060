package org.unionplatform.membership.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.MembershipServiceApplication;
import org.unionplatform.testsupport.SecondInstance;
import org.unionplatform.testsupport.http.HttpTestClient;
import org.unionplatform.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * Two membership-service instances sharing the database, the broker and the spool folder find the same stopped
 * enrolment at the same moment and both resume it: one runs it, the counters, report and members end exact.
 */
class BulkResumptionTwoInstancesIT extends MembershipIT {

    private static ConfigurableApplicationContext second;

    @Autowired
    private ConfigurableEnvironment environment;
    @Autowired
    private BulkResumption resumption;
    @Autowired
    private BulkWorker worker;
    @Autowired
    private BulkProperties bulkProperties;

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void twoInstancesResumingOneStoppedEnrolmentAtOnceRunItOnceWithExactCounts() throws Exception {
        second = SecondInstance.start(MembershipServiceApplication.class, environment);
        Path file = Path.of("target", "bulk-it", "roster-2100-twins.csv");
        int bad = BulkFileGenerator.write(file, 2_100, 947);
        String id = enrolAndWait(Files.readAllBytes(file));
        // As its instance left it when it stopped during the third batch, the file still in the shared spool folder.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", "RUNNING")
                .set("done", 1_000L).set("enrolled", 990L).set("rejected", 10L)
                .set("updatedAt", Instant.now().minus(BulkResumption.STOPPED_AFTER).minusSeconds(5)),
                BulkEnrolment.class);
        Files.createDirectories(bulkProperties.spoolDirectory());
        Files.copy(file, bulkProperties.spoolDirectory().resolve(id + ".upload"));

        BulkResumption secondResumption = second.getBean(BulkResumption.class);
        BulkWorker secondWorker = second.getBean(BulkWorker.class);
        var start = new CountDownLatch(1);
        try (ExecutorService both = Executors.newFixedThreadPool(2)) {
            List<Future<?>> rounds = new ArrayList<>();
            for (BulkResumption instance : List.of(resumption, secondResumption)) {
                rounds.add(both.submit(() -> {
                    start.await();
                    instance.resumeInterrupted();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> round : rounds) {
                round.get(30, TimeUnit.SECONDS);
            }
        }

        String organizer = TestTokens.organizer(SHOUQI_PATH);
        await().atMost(Duration.ofSeconds(90)).until(() -> !worker.holds(id) && !secondWorker.holds(id)
                && !json(httpGet("/api/members/bulk-enrolments/" + id, organizer)).get("status").asString()
                        .equals("RUNNING"));
        JsonNode resumed = json(httpGet("/api/members/bulk-enrolments/" + id, organizer));
        assertThat(resumed.get("status").asString()).isEqualTo("DONE");
        assertThat(resumed.get("done").asLong()).isEqualTo(2_100);
        assertThat(resumed.get("enrolled").asLong()).isEqualTo(2_100 - bad);
        assertThat(resumed.get("alreadyMembers").asLong()).isZero();
        assertThat(resumed.get("rejected").asLong()).isEqualTo(bad);
        assertThat(mongo.getCollection("members").countDocuments(new Document("source", id))).isEqualTo(2_100 - bad);
        assertThat(mongo.getCollection("members").distinct("worker.residentId.lookupHash", new Document("source", id),
                String.class).into(new ArrayList<>())).hasSize(2_100 - bad);
        var report = httpGet("/api/members/bulk-enrolments/" + id + "/report", organizer);
        assertThat(report.body().lines().filter(line -> line.contains(",REJECTED,")).count()).isEqualTo(bad);
        assertThat(Files.exists(bulkProperties.spoolDirectory().resolve(id + ".upload"))).isFalse();
    }

    private String enrolAndWait(byte[] file) {
        String organizer = TestTokens.organizer(SHOUQI_PATH);
        var accepted = HttpTestClient.local(port).request("POST", "/api/members/bulk-enrolments?organizationId="
                + "shouqi-union").token(organizer).multipart("file", "roster.csv", "application/octet-stream", file)
                .send();
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = json(accepted).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> json(httpGet("/api/members/bulk-enrolments/" + id,
                organizer)).get("status").asString().equals("DONE"));
        return id;
    }
}
