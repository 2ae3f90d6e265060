package org.unionplatform.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;

import tools.jackson.databind.JsonNode;

class VisitRecordingIT extends StationServiceIT {

    private static final String XIANYANG = "/shaanxi/xianyang/xianyang-courier-federation/";

    private String visit(String visitId, String stationId, Instant at) {
        return """
                {"visitId":"%s","stationId":"%s","workerType":"COURIER","services":["REST","WATER"],"visitedAt":"%s"}"""
                .formatted(visitId, stationId, at);
    }

    private JsonNode counts(String stationId) throws Exception {
        HttpAnswer reply = send("GET", "/api/stations/" + stationId + "/visit-counts", TestTokens.admin(), null);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void aMixedOfflineBatchGetsAResultPerItemAndCountsEachVisitOnce() throws Exception {
        String mine = openStation(unique("mine"), XIANYANG, 34.33, 108.70, "\"MICROWAVE\"", "610400");
        String notMine = openStation(unique("other"), XIANYANG, 34.34, 108.71, "", "610400");
        String attendant = TestTokens.attendant(mine);
        Instant now = Instant.now();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        assertThat(send("POST", "/api/checkins", attendant, visit(first, mine, now.minusSeconds(60))).status())
                .isEqualTo(201);

        String batch = "{\"visits\":[" + String.join(",",
                visit(first, mine, now.minusSeconds(60)),                                 // uploaded before
                visit(second, mine, now.minusSeconds(30)),                                // new
                visit(second, mine, now.minusSeconds(30)),                                // twice in this batch
                visit(UUID.randomUUID().toString(), mine, now.plus(Duration.ofHours(1))), // future
                visit(UUID.randomUUID().toString(), mine, now.minus(Duration.ofDays(8))), // late: kept, flagged
                visit(UUID.randomUUID().toString(), "no-such-station", now),             // unknown station
                visit(UUID.randomUUID().toString(), notMine, now))                       // not assigned
                + "]}";
        HttpAnswer reply = send("POST", "/api/checkins/batch", attendant, batch);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode results = reply.json().get("results");
        List<String> outcomes = new ArrayList<>();
        results.forEach(result -> outcomes.add(result.get("outcome").asString()
                + (result.get("reason").isNull() ? "" : ":" + result.get("reason").asString())));
        assertThat(outcomes).containsExactly("DUPLICATE", "CREATED", "DUPLICATE", "REJECTED:FUTURE_TIME",
                "FLAGGED:LATE", "REJECTED:STATION_NOT_FOUND", "REJECTED:STATION_NOT_FOUND");
        assertThat(reply.json().get("created").asInt()).isEqualTo(1);
        assertThat(reply.json().get("flagged").asInt()).isEqualTo(1);
        assertThat(reply.json().get("duplicates").asInt()).isEqualTo(2);
        assertThat(reply.json().get("rejected").asInt()).isEqualTo(3);

        String today = LocalDate.now(ChinaTime.ZONE).toString();
        JsonNode counts = counts(mine);
        long expectedToday = today.equals(LocalDate.ofInstant(now.minusSeconds(60), ChinaTime.ZONE).toString())
                ? 2 : 1;
        assertThat(counts.get("total").asLong()).isEqualTo(2);
        assertThat(counts.get("flagged").asLong()).isEqualTo(1);
        assertThat(counts.get("today").asLong()).isEqualTo(expectedToday);
        assertThat(counts.get("byWorkerType").get("COURIER").asLong()).isEqualTo(2);
        assertThat(counts.get("byService").get("WATER").asLong()).isEqualTo(2);
        assertThat(counts.get("nonMembers").asLong()).as("anonymous visitors, apart").isEqualTo(2);
        assertThat(counts.get("nonMembersByWorkerType").get("COURIER").asLong()).isEqualTo(2);
        assertThat(counts(notMine).get("total").asLong()).isZero();
    }

    @Test
    void aLargeBatchOverSeveralStationsCountsEachVisitOnceAndItsResendChangesNothing() throws Exception {
        List<String> stations = List.of(openStation(unique("bulk-a"), XIANYANG, 34.33, 108.70, "", "610400"),
                openStation(unique("bulk-b"), XIANYANG, 34.34, 108.71, "", "610400"),
                openStation(unique("bulk-c"), XIANYANG, 34.35, 108.72, "", "610400"));
        String attendant = TestTokens.attendant(stations.toArray(String[]::new));
        Instant at = Instant.now().minusSeconds(90);
        List<String> visits = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            visits.add(visit(UUID.randomUUID().toString(), stations.get(i % 3), at));
        }
        String batch = "{\"visits\":[" + String.join(",", visits) + "]}";

        HttpAnswer first = send("POST", "/api/checkins/batch", attendant, batch);
        HttpAnswer resent = send("POST", "/api/checkins/batch", attendant, batch);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(300);
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.json().get("duplicates").asInt()).isEqualTo(300);
        for (String station : stations) {
            JsonNode counts = counts(station);
            assertThat(counts.get("total").asLong()).isEqualTo(100);
            assertThat(counts.get("byService").get("REST").asLong()).isEqualTo(100);
        }
    }

    @Test
    void aVisitAtAStationSuspendedBeforeTheUploadIsKeptFlaggedAndShownToTheOrganizerAClosedOneRefuses()
            throws Exception {
        String organization = unique("org");
        String path = "/shaanxi/xianyang/" + organization + "/";
        String station = openStation(unique("suspended"), path, 34.33, 108.70, "", "610400");
        String attendant = TestTokens.attendant(station);
        assertThat(send("POST", "/api/checkins", attendant, visit(UUID.randomUUID().toString(), station,
                Instant.now())).status()).isEqualTo(201);

        assertThat(send("POST", "/api/stations/" + station + "/status", TestTokens.admin(),
                "{\"status\":\"SUSPENDED\",\"reason\":\"renovation\"}").status()).isEqualTo(200);
        String visitId = UUID.randomUUID().toString();
        HttpAnswer kept = send("POST", "/api/checkins", attendant, visit(visitId, station,
                Instant.now().minusSeconds(600)));

        assertThat(kept.status()).isEqualTo(202);
        assertThat(kept.json().get("outcome").asString()).isEqualTo("FLAGGED");
        assertThat(kept.json().get("reason").asString()).isEqualTo("STATION_SUSPENDED");
        JsonNode counts = counts(station);
        assertThat(counts.get("total").asLong()).isEqualTo(1);
        assertThat(counts.get("flagged").asLong()).isEqualTo(1);
        assertThat(counts.get("flaggedByReason").get("STATION_SUSPENDED").asLong()).isEqualTo(1);
        HttpAnswer listed = send("GET", "/api/checkins/flagged?organizationId=" + organization,
                TestTokens.organizer(path), null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("totalItems").asLong()).isEqualTo(1);
        assertThat(listed.json().get("items").get(0).get("visitId").asString()).isEqualTo(visitId);
        assertThat(listed.json().get("items").get(0).get("flag").asString()).isEqualTo("STATION_SUSPENDED");
        assertThat(EVENTS).noneMatch(event -> event.type().equals("checkin.recorded")
                && event.envelope().payload().get("visitId").asString().equals(visitId));

        assertThat(send("POST", "/api/stations/" + station + "/status", TestTokens.admin(),
                "{\"status\":\"CLOSED\",\"reason\":\"closed\"}").status()).isEqualTo(200);
        HttpAnswer refused = send("POST", "/api/checkins", attendant, visit(UUID.randomUUID().toString(), station,
                Instant.now()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("rule").asString()).isEqualTo("STATION_NOT_ACTIVE");
    }

    @Test
    void aNineDayOldOfflineVisitIsKeptFlaggedLateCountedApartAndListedForTheOrganizerOnly() throws Exception {
        String organization = unique("org");
        String path = "/shaanxi/xianyang/" + organization + "/";
        String station = openStation(unique("late"), path, 34.33, 108.70, "", "610400");
        String visitId = UUID.randomUUID().toString();
        Instant nineDaysAgo = Instant.now().minus(Duration.ofDays(9));

        HttpAnswer reply = send("POST", "/api/checkins/batch", TestTokens.attendant(station),
                "{\"visits\":[" + visit(visitId, station, nineDaysAgo) + "]}");
        HttpAnswer resent = send("POST", "/api/checkins/batch", TestTokens.attendant(station),
                "{\"visits\":[" + visit(visitId, station, nineDaysAgo) + "]}");

        assertThat(reply.json().get("results").get(0).get("outcome").asString()).isEqualTo("FLAGGED");
        assertThat(reply.json().get("results").get(0).get("reason").asString()).isEqualTo("LATE");
        assertThat(resent.json().get("results").get(0).get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(resent.json().get("results").get(0).get("reason").asString()).isEqualTo("LATE");
        JsonNode counts = counts(station);
        assertThat(counts.get("total").asLong()).isZero();
        assertThat(counts.get("byWorkerType").size()).isZero();
        assertThat(counts.get("flagged").asLong()).isEqualTo(1);
        assertThat(counts.get("flaggedByReason").get("LATE").asLong()).isEqualTo(1);
        JsonNode rollUp = send("GET", "/api/checkins/counts?organizationId=" + organization,
                TestTokens.organizer(path), null).json();
        assertThat(rollUp.get("total").asLong()).isZero();
        assertThat(rollUp.get("flagged").asLong()).isEqualTo(1);

        JsonNode listed = send("GET", "/api/checkins/flagged?flag=LATE&size=10", TestTokens.organizer(path), null)
                .json();
        assertThat(listed.get("totalItems").asLong()).isEqualTo(1);
        JsonNode item = listed.get("items").get(0);
        assertThat(item.get("visitId").asString()).isEqualTo(visitId);
        assertThat(item.get("stationId").asString()).isEqualTo(station);
        assertThat(item.get("flag").asString()).isEqualTo("LATE");
        assertThat(Instant.parse(item.get("visitedAt").asString()))
                .isEqualTo(nineDaysAgo.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        JsonNode elsewhere = send("GET", "/api/checkins/flagged", TestTokens.organizer("/shaanxi/yulin/"), null)
                .json();
        assertThat(elsewhere.get("items")).noneMatch(other -> other.get("visitId").asString().equals(visitId));
        assertThat(send("POST", "/api/checkins/batch", TestTokens.attendant(station), "{\"visits\":["
                + visit(UUID.randomUUID().toString(), station, Instant.now().minus(Duration.ofDays(400))) + "]}")
                .json().get("results").get(0).get("reason").asString()).isEqualTo("TOO_OLD");
    }

    @Test
    void aVisitIdReusedAtASecondStationOrByAnotherAttendantIsAConflictATrueRepeatStaysADuplicate()
            throws Exception {
        String first = openStation(unique("first"), XIANYANG, 34.33, 108.70, "", "610400");
        String second = openStation(unique("second"), XIANYANG, 34.34, 108.71, "", "610400");
        String visitId = UUID.randomUUID().toString();
        Instant at = Instant.now().minusSeconds(120);
        assertThat(send("POST", "/api/checkins", TestTokens.attendant(first), visit(visitId, first, at)).status())
                .isEqualTo(201);

        HttpAnswer collision = send("POST", "/api/checkins", TestTokens.attendant(second), visit(visitId, second, at));
        HttpAnswer otherAttendant = send("POST", "/api/checkins", TestTokens.attendant(first, second),
                visit(visitId, first, at));
        HttpAnswer otherContent = send("POST", "/api/checkins", TestTokens.attendant(first),
                visit(visitId, first, at.plusSeconds(5)));
        HttpAnswer inBatch = send("POST", "/api/checkins/batch", TestTokens.attendant(second),
                "{\"visits\":[" + visit(visitId, second, at) + "]}");
        HttpAnswer repeat = send("POST", "/api/checkins", TestTokens.attendant(first), visit(visitId, first, at));

        assertThat(collision.status()).isEqualTo(409);
        assertThat(collision.contentType()).contains("application/problem+json");
        assertThat(collision.json().get("detail").asString()).contains(visitId).contains("another");
        assertThat(otherAttendant.status()).isEqualTo(409);
        assertThat(otherContent.status()).isEqualTo(409);
        assertThat(inBatch.json().get("conflicts").asInt()).isEqualTo(1);
        assertThat(inBatch.json().get("results").get(0).get("outcome").asString()).isEqualTo("CONFLICT");
        assertThat(inBatch.json().get("results").get(0).get("reason").asString()).isEqualTo("VISIT_ID_CONFLICT");
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(counts(first).get("total").asLong()).isEqualTo(1);
        assertThat(counts(second).get("total").asLong()).isZero();
    }

    @Test
    void aSingleVisitAnswersCreatedThenDuplicateAndRefusesOtherStationsAsUnknown() throws Exception {
        String mine = openStation(unique("single"), XIANYANG, 34.33, 108.70, "", "610400");
        String other = openStation(unique("single-other"), XIANYANG, 34.33, 108.70, "", "610400");
        String attendant = TestTokens.attendant(mine);
        String visitId = UUID.randomUUID().toString();
        Instant at = Instant.now();

        assertThat(send("POST", "/api/checkins", attendant, visit(visitId, mine, at)).status()).isEqualTo(201);
        HttpAnswer again = send("POST", "/api/checkins", attendant, visit(visitId, mine, at));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(send("POST", "/api/checkins", attendant, visit(UUID.randomUUID().toString(), other, Instant.now()))
                .status()).isEqualTo(404);
        HttpAnswer future = send("POST", "/api/checkins", attendant,
                visit(UUID.randomUUID().toString(), mine, Instant.now().plus(Duration.ofDays(1))));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("rule").asString()).isEqualTo("FUTURE_TIME");
        assertThat(counts(mine).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void eightThreadsOfAThousandVisitsEachCountExactlyEightThousand() throws Exception {
        String station = openStation(unique("busy"), XIANYANG, 34.35, 108.72, "", "610400");
        String attendant = TestTokens.attendant(station);
        Instant at = Instant.now().minusSeconds(5);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            work.add(() -> {
                int created = 0;
                for (int i = 0; i < 1000; i++) {
                    String visitId = UUID.randomUUID().toString();
                    HttpAnswer reply = send("POST", "/api/checkins", attendant, visit(visitId, station, at));
                    created += reply.status() == 201 ? 1 : 0;
                    if (i % 100 == 0) {
                        // a phone that did not see the answer sends the same visit again
                        assertThat(send("POST", "/api/checkins", attendant, visit(visitId, station, at)).status())
                                .isEqualTo(200);
                    }
                }
                return created;
            });
        }
        int created = 0;
        for (Future<Integer> done : threads.invokeAll(work)) {
            created += done.get();
        }
        threads.shutdown();

        assertThat(created).isEqualTo(8000);
        JsonNode counts = counts(station);
        assertThat(counts.get("total").asLong()).isEqualTo(8000);
        String day = LocalDate.ofInstant(at, ChinaTime.ZONE).toString();
        long onThatDay = 0;
        for (JsonNode d : counts.get("days")) {
            if (d.get("day").asString().equals(day)) {
                onThatDay = d.get("visits").asLong();
            }
        }
        assertThat(onThatDay).isEqualTo(8000);
    }

    @Test
    void recordedVisitsArePublishedAsCheckinRecorded() throws Exception {
        String station = openStation(unique("events"), XIANYANG, 34.36, 108.73, "", "610400");
        String visitId = UUID.randomUUID().toString();
        send("POST", "/api/checkins", TestTokens.attendant(station), visit(visitId, station, Instant.now()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(EVENTS).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo("checkin.recorded");
            assertThat(event.envelope().payload().get("visitId").asString()).isEqualTo(visitId);
            assertThat(event.envelope().payload().get("verified").asBoolean()).isFalse();
        }));
        assertThat(EVENTS).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo("station.opened");
            assertThat(event.envelope().payload().get("stationId").asString()).isEqualTo(station);
        });
    }
}
