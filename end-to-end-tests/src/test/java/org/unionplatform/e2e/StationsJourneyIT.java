package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;
import static org.unionplatform.e2e.UnionTree.expectProblem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;
import tools.jackson.databind.JsonNode;

/**
 * station-service as its users meet it, through the gateway: an organizer opens stations with an
 * attendant, a worker finds the nearest one without signing in, the attendant logs visits one at a time and as an
 * offline batch, members' cards are verified by membership-service, and a visit made while membership-service is
 * down is recorded unverified and verified by the background round once it is back.
 *
 * <p>The stations stand around one point in Lanzhou's Chengguan district; each test uses its own station, so
 * the tests do not depend on their order.
 */
class StationsJourneyIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Where the worker stands (GCJ-02). */
    private static final double LAT = 36.0611;
    private static final double LON = 103.8343;

    private static UnionTree tree;
    private static HttpTestClient gateway;
    private static String organizer;
    private static String attendant;
    private static Station batchStation;
    private static Station memberStation;
    private static Station offlineStation;
    /** Opened by the organizer without this attendant. */
    private static Station otherStation;
    private static UnionTree.Member rider;
    private static UnionTree.Member offlineRider;

    record Station(String id, double lat, double lon) {
    }

    @BeforeAll
    static void openStationsAndSignInTheirStaff() {
        tree = UnionTree.build(new UnionTree.Divisions("620000", "甘肃省", "620100", "兰州市", "620102", "城关区"));
        gateway = tree.gateway;
        organizer = tree.staff("ORGANIZER", tree.city);
        String attendantName = "e2e-attendant-" + tree.run;

        batchStation = open("batch", LAT + 0.001, LON, Set.of("DRINKING_WATER", "SEATS"), attendantName);
        memberStation = open("member", LAT + 0.005, LON + 0.005, Set.of("MICROWAVE", "CHARGING"), attendantName);
        offlineStation = open("offline", LAT + 0.01, LON + 0.01, Set.of("DRINKING_WATER"), attendantName);
        otherStation = open("other", LAT + 0.02, LON, Set.of("MICROWAVE"));

        attendant = tree.attendant(attendantName, List.of(batchStation.id(), memberStation.id(),
                offlineStation.id()));
        rider = tree.enrol(organizer, "DELIVERY_RIDER");
        offlineRider = tree.enrol(organizer, "COURIER");
    }

    @Test
    void anOpenedStationIsFoundByDistanceWithoutAToken() {
        JsonNode staffView = expect(gateway.get("/api/stations/" + memberStation.id(), attendant), 200);
        assertThat(staffView.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(staffView.get("orgPath").asString()).isEqualTo(tree.union.path());
        expectProblem(gateway.get("/api/stations/" + otherStation.id(), attendant), 404, null);

        List<JsonNode> nearby = mine(expect(gateway.get(nearby(3000, ""), null), 200));
        assertThat(nearby).extracting(station -> station.get("id").asString()).containsExactly(batchStation.id(),
                memberStation.id(), offlineStation.id(), otherStation.id());
        for (JsonNode found : nearby) {
            Station station = byId(found.get("id").asString());
            assertThat(found.get("distanceMetres").asDouble()).as(station.id())
                    .isCloseTo(metres(LAT, LON, station.lat(), station.lon()),
                            offset(2.0));
            assertThat(found.has("attendants")).as("the public view names no staff").isFalse();
        }
        assertThat(mine(expect(gateway.get(nearby(1000, ""), null), 200)))
                .extracting(station -> station.get("id").asString())
                .containsExactly(batchStation.id(), memberStation.id());
        assertThat(mine(expect(gateway.get(nearby(3000, "&amenity=MICROWAVE"), null), 200)))
                .extracting(station -> station.get("id").asString())
                .containsExactly(memberStation.id(), otherStation.id());
        assertThat(mine(expect(gateway.get("/api/stations/directory?organizationId=" + tree.union.id()
                + "&size=100", null), 200).get("items"))).extracting(station -> station.get("id").asString())
                .containsExactlyInAnyOrder(batchStation.id(), memberStation.id(), offlineStation.id(),
                        otherStation.id());
    }

    @Test
    void aMixedOfflineBatchIsAnsweredPerItemAndEveryVisitIsCountedOnce() {
        Instant visitedAt = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        String first = visitId();
        expect(gateway.post("/api/checkins", attendant, UnionTree.json(anonymous(first, batchStation, visitedAt,
                "COURIER", "REST"))), 201);

        String second = visitId();
        String third = visitId();
        List<Map<String, Object>> batch = List.of(
                anonymous(second, batchStation, visitedAt, "DELIVERY_RIDER", "WATER", "CHARGING"),
                anonymous(first, batchStation, visitedAt, "COURIER", "REST"),
                anonymous(third, batchStation, visitedAt.minus(Duration.ofHours(1)), "COURIER", "WATER"),
                anonymous(second, batchStation, visitedAt, "DELIVERY_RIDER", "WATER", "CHARGING"),
                anonymous(visitId(), batchStation, Instant.now().plus(Duration.ofHours(1)), "COURIER", "REST"),
                anonymous(visitId(), new Station("e2e-no-such-station-" + tree.run, LAT, LON), visitedAt, "COURIER"),
                anonymous(visitId(), otherStation, visitedAt, "COURIER", "REST"));
        JsonNode answer = expect(gateway.post("/api/checkins/batch", attendant, UnionTree.json(Map.of("visits",
                batch))), 200);

        assertThat(answer.get("created").asInt()).isEqualTo(2);
        assertThat(answer.get("duplicates").asInt()).isEqualTo(2);
        assertThat(answer.get("rejected").asInt()).isEqualTo(3);
        List<String> outcomes = new ArrayList<>();
        answer.get("results").forEach(result -> outcomes.add(result.get("outcome").asString()
                + (result.path("reason").isString() ? " " + result.get("reason").asString() : "")));
        assertThat(outcomes).containsExactly("CREATED", "DUPLICATE", "CREATED", "DUPLICATE", "REJECTED FUTURE_TIME",
                "REJECTED STATION_NOT_FOUND", "REJECTED STATION_NOT_FOUND");

        JsonNode again = expect(gateway.post("/api/checkins/batch", attendant, UnionTree.json(Map.of("visits",
                batch.subList(0, 3)))), 200);
        assertThat(again.get("duplicates").asInt()).as("the phone uploads its batch again").isEqualTo(3);

        JsonNode counts = counts(batchStation);
        assertThat(counts.get("total").asLong()).isEqualTo(3);
        Map<LocalDate, Long> perDay = new TreeMap<>();
        for (Instant at : List.of(visitedAt, visitedAt, visitedAt.minus(Duration.ofHours(1)))) {
            perDay.merge(day(at), 1L, Long::sum);
        }
        perDay.forEach((day, visits) -> assertThat(dayCount(counts, day)).as(day.toString()).isEqualTo(visits));
        if (perDay.keySet().equals(Set.of(today()))) {
            assertThat(counts.get("today").asLong()).isEqualTo(3);
        }
        assertThat(counts.get("byWorkerType").get("COURIER").asLong()).isEqualTo(2);
        assertThat(counts.get("byWorkerType").get("DELIVERY_RIDER").asLong()).isEqualTo(1);
        assertThat(counts.get("byService").get("WATER").asLong()).isEqualTo(2);
        assertThat(counts.get("byService").get("REST").asLong()).isEqualTo(1);
        assertThat(counts.get("byService").get("CHARGING").asLong()).isEqualTo(1);
        assertThat(counts(otherStation, organizer).get("total").asLong())
                .as("nothing was counted at the station the attendant does not serve").isZero();
    }

    @Test
    void aMembersCardOrQrTokenIsVerifiedByMembershipService() {
        Instant visitedAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        JsonNode byCard = expect(gateway.post("/api/checkins", attendant, UnionTree.json(member(visitId(),
                memberStation, visitedAt, rider.cardNumber(), null))), 201);
        assertThat(byCard.get("outcome").asString()).isEqualTo("CREATED");
        assertThat(byCard.get("verification").asString()).isEqualTo("VERIFIED");

        Map<String, Object> byQr = member(visitId(), memberStation, visitedAt, null, null);
        byQr.put("qrToken", rider.qrToken());
        assertThat(expect(gateway.post("/api/checkins", attendant, UnionTree.json(byQr)), 201).get("verification")
                .asString()).isEqualTo("VERIFIED");

        expectProblem(gateway.post("/api/checkins", attendant, UnionTree.json(member(visitId(), memberStation,
                visitedAt, unknownCard(rider.cardNumber()), null))), 422, "MEMBER_NOT_FOUND");

        JsonNode counts = counts(memberStation);
        assertThat(counts.get("total").asLong()).isEqualTo(2);
        assertThat(counts.get("byWorkerType").get("DELIVERY_RIDER").asLong())
                .as("counted under the worker type membership-service knows, not a guess").isEqualTo(2);
    }

    @Test
    void withMembershipServiceDownAMemberVisitIsRecordedUnverifiedAndVerifiedWhenItReturns() {
        Instant visitedAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        String visitId = visitId();
        String visit = UnionTree.json(member(visitId, offlineStation, visitedAt, offlineRider.cardNumber(), null));

        tree.platform.stop("membership-service");
        try {
            JsonNode recorded = expect(gateway.post("/api/checkins", attendant, visit), 201);
            assertThat(recorded.get("verification").asString()).isEqualTo("PENDING");
            JsonNode counts = counts(offlineStation);
            assertThat(counts.get("total").asLong()).as("recorded and counted although unverified").isEqualTo(1);
            assertThat(counts.get("byWorkerType").get("UNKNOWN").asLong()).isEqualTo(1);
        } finally {
            tree.platform.restart("membership-service");
        }

        // The background round (every 30 s, docs/stations.md) asks again; a resend shows the stored state.
        await("the pending visit is verified").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(3))
                .untilAsserted(() -> {
                    HttpAnswer resent = gateway.post("/api/checkins", attendant, visit);
                    JsonNode duplicate = expect(resent, 200);
                    assertThat(duplicate.get("outcome").asString()).isEqualTo("DUPLICATE");
                    assertThat(duplicate.get("verification").asString()).isEqualTo("VERIFIED");
                });
        JsonNode counts = counts(offlineStation);
        assertThat(counts.get("total").asLong()).as("verifying moves the visit, it does not add one").isEqualTo(1);
        assertThat(counts.get("byWorkerType").has("UNKNOWN")).isFalse();
        assertThat(counts.get("byWorkerType").get("COURIER").asLong()).isEqualTo(1);
    }

    // ---- the journey's means ----

    private static Station open(String name, double lat, double lon, Set<String> amenities, String... attendants) {
        String id = "e2e-" + tree.run + "-" + name;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", "城关区" + name + "爱心驿站（" + tree.run + "）");
        details.put("type", "LOVE_STATION");
        details.put("address", "兰州市城关区某路" + name + "号");
        details.put("divisionCode", "620102");
        details.put("location", Map.of("lat", lat, "lon", lon));
        details.put("amenities", amenities);
        details.put("attendants", List.of(attendants));
        JsonNode opened = expect(tree.post("/api/stations", organizer, Map.of("id", id, "organizationId",
                tree.union.id(), "orgPath", tree.union.path(), "details", details)), 201);
        assertThat(opened.get("id").asString()).isEqualTo(id);
        assertThat(opened.get("attendants")).extracting(JsonNode::asString).containsExactly(attendants);
        return new Station(id, lat, lon);
    }

    private static Map<String, Object> anonymous(String visitId, Station station, Instant visitedAt,
            String workerType, String... services) {
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("visitId", visitId);
        visit.put("stationId", station.id());
        visit.put("workerType", workerType);
        visit.put("services", List.of(services));
        visit.put("visitedAt", visitedAt.toString());
        return visit;
    }

    private static Map<String, Object> member(String visitId, Station station, Instant visitedAt, String cardNumber,
            String workerType) {
        Map<String, Object> visit = anonymous(visitId, station, visitedAt, workerType, "REST");
        if (cardNumber != null) {
            visit.put("cardNumber", cardNumber);
        }
        return visit;
    }

    /** A card number of the same shape that nobody holds: another sequence, with its Luhn digit recomputed. */
    private static String unknownCard(String held) {
        String body = held.substring(0, 8) + "9" + held.substring(9, 15);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return body + (10 - sum % 10) % 10;
    }

    private static JsonNode counts(Station station) {
        return counts(station, attendant);
    }

    private static JsonNode counts(Station station, String token) {
        return expect(gateway.get("/api/stations/" + station.id() + "/visit-counts", token), 200);
    }

    private static long dayCount(JsonNode counts, LocalDate day) {
        for (JsonNode entry : counts.get("days")) {
            if (entry.get("day").asString().equals(day.toString())) {
                return entry.get("visits").asLong();
            }
        }
        return 0;
    }

    private static String nearby(int radius, String more) {
        return "/api/stations/nearby?lat=" + LAT + "&lon=" + LON + "&radius=" + radius + "&limit=100" + more;
    }

    /** The stations this run opened, in the answer's order (another journey's stations may stand elsewhere). */
    private static List<JsonNode> mine(JsonNode stations) {
        List<JsonNode> mine = new ArrayList<>();
        stations.forEach(station -> {
            if (station.get("id").asString().startsWith("e2e-" + tree.run + "-")) {
                mine.add(station);
            }
        });
        return mine;
    }

    private static Station byId(String id) {
        return List.of(batchStation, memberStation, offlineStation, otherStation).stream()
                .filter(station -> station.id().equals(id)).findFirst().orElseThrow();
    }

    /** Haversine on the mean Earth radius, computed here so the test does not trust the service's own. */
    private static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
    }

    private static String visitId() {
        return UUID.randomUUID().toString();
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(BEIJING).toLocalDate();
    }

    private static LocalDate today() {
        return LocalDate.now(BEIJING);
    }
}
