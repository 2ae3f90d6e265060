package org.unionplatform.membership.application;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import org.unionplatform.common.audit.AuditRecord;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.MembershipServiceApplication;
import org.unionplatform.membership.People;
import org.unionplatform.testsupport.SecondInstance;

/**
 * Two membership-service instances run their re-dispatch rounds over the same waiting applications at once (their
 * schedulers, and rounds started together here): each application is placed once, in one union, refused ones
 * are audited once, and each application's {@code membership.applied} is delivered once.
 */
class RedispatchTwoInstancesIT extends MembershipIT {

    private static final int EACH = 25;

    private static ConfigurableApplicationContext second;

    @Autowired
    private ConfigurableEnvironment environment;
    @Autowired
    private ApplicationRounds rounds;

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void twoInstancesRedispatchingTheSameApplicationsPlaceEachOnceAndAuditEachRefusalOnce() throws Exception {
        second = SecondInstance.start(MembershipServiceApplication.class, environment);
        ORGANIZATION_SERVICE.stubFor(post(urlEqualTo("/api/organizations/dispatch")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Not found\",\"status\":404}")));
        List<String> riders = new ArrayList<>();
        List<String> truckers = new ArrayList<>();
        for (int i = 0; i < EACH; i++) {
            riders.add(waiting("RIDE_HAILING_DRIVER"));
            truckers.add(waiting("TRUCK_DRIVER"));
        }

        // organization-service answers again: riders go to a union, truck drivers' details are refused.
        dispatchTo("shouqi-union", "首汽约车西安分公司工会", SHOUQI_PATH);
        ORGANIZATION_SERVICE.stubFor(post(urlEqualTo("/api/organizations/dispatch")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.workerType", equalTo("TRUCK_DRIVER")))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Invalid\",\"status\":422,\"detail\":\"车辆信息有误\"}")));
        ApplicationRounds secondRounds = second.getBean(ApplicationRounds.class);
        var start = new CountDownLatch(1);
        try (ExecutorService both = Executors.newFixedThreadPool(2)) {
            List<Future<?>> work = new ArrayList<>();
            for (ApplicationRounds instance : List.of(rounds, secondRounds)) {
                work.add(both.submit(() -> {
                    start.await();
                    for (int round = 0; round < 10; round++) {
                        instance.redispatch();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> done : work) {
                done.get(60, TimeUnit.SECONDS);
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> riders.stream().allMatch(id ->
                status(id) == ApplicationStatus.PENDING_APPROVAL) && truckers.stream().allMatch(id ->
                status(id) == ApplicationStatus.REFUSED));
        for (String id : riders) {
            Application placed = mongo.findById(id, Application.class);
            assertThat(placed.organizationId()).isEqualTo("shouqi-union");
            assertThat(placed.orgPath()).isEqualTo(SHOUQI_PATH);
        }
        for (String id : truckers) {
            assertThat(mongo.getCollection(AuditRecord.COLLECTION).countDocuments(new Document("action",
                    "APPLICATION_REFUSED").append("target", "application:" + id))).as("refusals audited for %s", id)
                    .isEqualTo(1);
        }
        List<String> all = new ArrayList<>(riders);
        all.addAll(truckers);
        await().atMost(Duration.ofSeconds(30)).until(() -> all.stream().allMatch(id -> applied(id) >= 1));
        Thread.sleep(300);
        assertThat(all).allSatisfy(id -> assertThat(applied(id)).as("membership.applied of %s", id).isEqualTo(1));
    }

    private String waiting(String workerType) {
        var response = httpPost("/api/members/applications", null,
                People.applicationJson("王师傅", People.residentId(), People.phone(), workerType));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        String id = json(response).get("receiptCode").asString();
        assertThat(status(id)).isEqualTo(ApplicationStatus.AWAITING_DISPATCH);
        return id;
    }

    private ApplicationStatus status(String id) {
        return mongo.findById(id, Application.class).status();
    }

    private long applied(String id) {
        return events("membership.applied").stream().filter(event -> event.payload().get("applicationId")
                .asString().equals(id)).count();
    }
}
