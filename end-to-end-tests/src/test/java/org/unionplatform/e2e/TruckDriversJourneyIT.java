package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.http.HttpAnswer;
import tools.jackson.databind.JsonNode;

/**
 * Truck drivers on the road, through the gateway: this run's Yulin truck drivers' federation runs three Drivers'
 * Homes at G65 service areas (榆林, 米脂, 绥德); a driver of Jingbian who joins at the 米脂 one lands in that
 * federation (rule STATION), while the same details without the station go to Jingbian's own federation; the finder
 * along his route south, and along the G65 corridor from where he is, returns the Drivers' Homes ahead in order;
 * the Drivers' Homes 60 km away are found with a radius of 80 km, which other station types may not ask.
 */
class TruckDriversJourneyIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(120);

    private static UnionTree tree;
    private static UnionTree.Org truckFederation;
    private static UnionTree.Org jingbianFederation;
    private static String organizer;
    private static String yulin;
    private static String mizhi;
    private static String suide;

    @BeforeAll
    static void yulinsTruckFederationRunsThreeDriversHomesOnTheG65() {
        tree = UnionTree.build(new UnionTree.Divisions("610000", "陕西省", "610800", "榆林市", "610824", "靖边县"));
        truckFederation = tree.create(tree.admin, "榆林市货车司机行业工会联合会（" + tree.run + "）",
                "INDUSTRY_FEDERATION", "610800", tree.city.id(), "TRUCK_DRIVER");
        // Where the usual rules send a driver of Jingbian: his county's own federation.
        jingbianFederation = tree.create(tree.admin, "靖边县新业态行业工会联合会（" + tree.run + "）",
                "INDUSTRY_FEDERATION", "610824", tree.district.id(), "TRUCK_DRIVER");
        organizer = tree.staff("ORGANIZER", truckFederation);
        yulin = open(organizer, "榆林服务区", 38.312, 109.742);
        mizhi = open(organizer, "米脂服务区", 37.762, 110.178);
        suide = open(organizer, "绥德服务区", 37.498, 110.247);
    }

    @Test
    void aDriverWhoJoinsAtAYulinDriversHomeLandsInTheUnionThatRunsIt() {
        Map<String, Object> details = driver();
        // organization-service learns who runs the station from station.opened, a moment after the opening.
        JsonNode atStation = await("dispatched by the station").atMost(EVENTUAL).pollInterval(Duration.ofSeconds(2))
                .until(() -> placed(file(details, mizhi)),
                        application -> "STATION".equals(application.get("dispatchRule").asString()));

        assertThat(atStation.get("organizationId").asString()).isEqualTo(truckFederation.id());
        assertThat(atStation.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(atStation.get("dispatchReason").asString()).contains("米脂服务区").contains(truckFederation.name());

        JsonNode usual = placed(file(driver(), null));
        assertThat(usual.get("organizationId").asString()).isEqualTo(jingbianFederation.id());
        assertThat(usual.get("dispatchRule").asString()).isEqualTo("INDUSTRY_FEDERATION");

        JsonNode approval = expect(tree.post("/api/members/applications/" + atStation.get("id").asString()
                + "/approval", organizer, null), 200);
        assertThat(approval.get("memberId").asString()).isNotBlank();
    }

    @Test
    void theFinderOnHisRouteSouthReturnsTheDriversHomesAheadInOrder() {
        Map<String, Object> route = Map.of("points", List.of(point(38.40, 109.70), point(38.31, 109.74),
                point(38.05, 109.84), point(37.77, 110.17), point(37.49, 110.25)));

        JsonNode ahead = expect(tree.post("/api/stations/along-route", null, route), 200);

        List<JsonNode> mine = mine(ahead);
        assertThat(mine).extracting(found -> found.get("station").get("id").asString())
                .containsExactly(yulin, mizhi, suide);
        assertThat(mine).extracting(found -> found.get("aheadMetres").asLong()).isSorted();
        assertThat(mine.get(0).get("aheadMetres").asLong()).isBetween(9_000L, 12_000L);

        // From just south of Yulin on the G65 corridor, going south: 榆林 is behind him.
        JsonNode corridor = expect(tree.gateway.get(
                "/api/stations/corridors/G65-yulin/ahead?lat=38.20&lon=109.785&direction=FORWARD", null), 200);
        assertThat(corridor.get("towards").asString()).contains("延安");
        assertThat(mine(corridor.get("ahead"))).extracting(found -> found.get("station").get("id").asString())
                .containsExactly(mizhi, suide);
    }

    @Test
    void driversHomesAreFoundUpTo100KilometresAndOtherStationsNot() {
        // Yuyang to Mizhi is about 75 km as the crow flies.
        String centre = "/api/stations/nearby?lat=38.312&lon=109.742&limit=100";
        JsonNode wide = expect(tree.gateway.get(centre + "&radius=80000&type=DRIVERS_HOME", null), 200);
        List<String> ids = new ArrayList<>();
        wide.forEach(station -> ids.add(station.get("id").asString()));
        assertThat(ids).contains(yulin, mizhi).doesNotContain(suide);

        HttpAnswer tooWide = tree.gateway.get(centre + "&radius=80000", null);
        UnionTree.expectProblem(tooWide, 400, null);
    }

    private static String open(String organizer, String place, double lat, double lon) {
        String id = "e2e-dh-" + tree.run + "-" + (int) (lat * 1000);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", "榆林司机之家·包茂高速" + place + "（" + tree.run + "）");
        details.put("type", "DRIVERS_HOME");
        details.put("address", "榆林市包茂高速" + place);
        details.put("divisionCode", "610800");
        details.put("location", point(lat, lon));
        details.put("amenities", List.of("TRUCK_PARKING", "SHOWER", "DRINKING_WATER"));
        details.put("hours", Map.of("alwaysOpen", true));
        expect(tree.post("/api/stations", organizer, Map.of("id", id, "organizationId", truckFederation.id(),
                "orgPath", truckFederation.path(), "details", details)), 201);
        return id;
    }

    /** A truck driver of Jingbian county. */
    private static Map<String, Object> driver() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", "货车司机" + (int) (Math.random() * 10_000));
        details.put("residentId", UnionTree.residentId("610824"));
        details.put("phone", "139" + String.format("%08d", (int) (Math.random() * 100_000_000)));
        details.put("workerType", "TRUCK_DRIVER");
        details.put("divisionCode", "610824");
        return details;
    }

    /** Filed by the administrator (the public form has a strict per-address limit); answers the application id. */
    private static String file(Map<String, Object> details, String stationId) {
        Map<String, Object> fresh = new LinkedHashMap<>(details);
        fresh.put("residentId", UnionTree.residentId("610824"));
        String path = "/api/members/applications/by-organizer" + (stationId == null ? "" : "?via=station:" + stationId);
        HttpAnswer filed = tree.post(path, tree.admin, fresh);
        assertThat(filed.status()).as(filed.body()).isIn(201, 202);
        return filed.json().get("applicationId").asString();
    }

    private static JsonNode placed(String id) {
        return await("dispatched").atMost(EVENTUAL).pollInterval(Duration.ofSeconds(1)).until(
                () -> expect(tree.gateway.get("/api/members/applications/" + id, tree.admin), 200),
                application -> !"AWAITING_DISPATCH".equals(application.get("status").asString()));
    }

    private static Map<String, Object> point(double lat, double lon) {
        return Map.of("lat", lat, "lon", lon);
    }

    /** This run's stations in the answer's order (the demo's or another run's may stand on the same road). */
    private static List<JsonNode> mine(JsonNode found) {
        List<JsonNode> mine = new ArrayList<>();
        found.forEach(item -> {
            JsonNode station = item.has("station") ? item.get("station") : item;
            if (station.get("id").asString().contains(tree.run)) {
                mine.add(item);
            }
        });
        return mine;
    }
}
