package org.unionplatform.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unionplatform.station.geo.GeoPoint;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * The finder for truck drivers (docs/stations.md, "Along a route"): Drivers' Homes ahead on a route or a corridor,
 * in order, with metres ahead and off the road; and up to 100 km around for Drivers' Homes only.
 */
class RouteFinderIT extends StationServiceIT {

    private static final String YULIN = "/shaanxi/yulin/yulin-truck-federation/";

    @Test
    void alongARouteTheDriversHomesAheadComeInTheOrderHeReachesThem() throws Exception {
        // A route in Xinjiang, where no other test opens stations: south 0.9 degrees, then east.
        String first = open("DRIVERS_HOME", 43.80, 87.51);
        String second = open("DRIVERS_HOME", 43.40, 87.48);
        String third = open("DRIVERS_HOME", 43.00, 87.80);
        String loveStation = open("LOVE_STATION", 43.60, 87.50);
        String farOff = open("DRIVERS_HOME", 43.50, 87.90);
        String behind = open("DRIVERS_HOME", 44.10, 87.50);
        String body = """
                {"points":[{"lat":43.90,"lon":87.50},{"lat":43.00,"lon":87.50},{"lat":43.00,"lon":88.20}]}""";

        HttpAnswer answer = send("POST", "/api/stations/along-route", null, body);

        assertThat(answer.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().forEach(found -> ids.add(found.get("station").get("id").asString()));
        assertThat(ids).containsSubsequence(first, second, third).doesNotContain(loveStation, farOff, behind);
        JsonNode thirdAhead = answer.json().get(ids.indexOf(third));
        double expected = new GeoPoint(43.90, 87.50).metresTo(43.00, 87.50)
                + new GeoPoint(43.00, 87.50).metresTo(43.00, 87.80);
        assertThat(thirdAhead.get("aheadMetres").asDouble()).isCloseTo(expected, within(50.0));
        assertThat(thirdAhead.get("offsetMetres").asLong()).isLessThan(20);
        JsonNode secondAhead = answer.json().get(ids.indexOf(second));
        assertThat(secondAhead.get("offsetMetres").asDouble())
                .isCloseTo(new GeoPoint(43.40, 87.48).metresTo(43.40, 87.50), within(20.0));
        assertThat(secondAhead.get("station").get("name").asString()).isNotBlank();
        assertThat(secondAhead.get("station").has("attendants")).isFalse();
    }

    @Test
    void alongTheG65CorridorEachDirectionListsWhatIsAheadOfTheDriver() throws Exception {
        String yuyang = open("DRIVERS_HOME", 38.31, 109.745);
        String mizhi = open("DRIVERS_HOME", 37.765, 110.175);
        String suide = open("DRIVERS_HOME", 37.495, 110.245);
        String north = open("DRIVERS_HOME", 38.47, 109.655);
        // The driver just south of Yulin, going south (towards Suide and Yan'an).
        String at = "lat=38.20&lon=109.785";

        HttpAnswer south = send("GET", "/api/stations/corridors/G65-yulin/ahead?" + at + "&direction=FORWARD", null,
                null);
        HttpAnswer northbound = send("GET", "/api/stations/corridors/G65-yulin/ahead?" + at + "&direction=BACKWARD",
                null, null);

        assertThat(south.status()).isEqualTo(200);
        assertThat(south.json().get("towards").asString()).contains("延安");
        assertThat(ids(south.json().get("ahead"))).containsSubsequence(mizhi, suide).doesNotContain(yuyang, north);
        assertThat(ids(northbound.json().get("ahead"))).containsSubsequence(yuyang, north)
                .doesNotContain(mizhi, suide);
        long toMizhi = aheadOf(south.json().get("ahead"), mizhi);
        long toSuide = aheadOf(south.json().get("ahead"), suide);
        assertThat(toMizhi).isBetween(50_000L, 70_000L);
        assertThat(toSuide - toMizhi).isCloseTo(Math.round(new GeoPoint(37.77, 110.17).metresTo(37.49, 110.25)),
                within(2_000L));

        HttpAnswer corridors = send("GET", "/api/stations/corridors", null, null);
        assertThat(corridors.status()).isEqualTo(200);
        assertThat(corridors.body()).contains("G65-yulin").contains("G20-yulin").contains("包茂高速");
    }

    @Test
    void driversHomesAreFoundUpTo100KilometresOtherStationsUpTo10() throws Exception {
        String sixtyKm = open("DRIVERS_HOME", 44.40, 86.10);
        String love = open("LOVE_STATION", 44.40, 86.101);
        String centre = "lat=43.86&lon=86.10";

        HttpAnswer wide = send("GET", "/api/stations/nearby?" + centre + "&radius=80000&type=DRIVERS_HOME", null,
                null);
        assertThat(wide.status()).isEqualTo(200);
        assertThat(ids(wide.json())).contains(sixtyKm).doesNotContain(love);
        assertThat(wide.json().get(ids(wide.json()).indexOf(sixtyKm)).get("distanceMetres").asDouble())
                .isCloseTo(new GeoPoint(43.86, 86.10).metresTo(44.40, 86.10), within(1.0));

        assertThat(send("GET", "/api/stations/nearby?" + centre + "&radius=80000", null, null).status())
                .isEqualTo(400);
        assertThat(send("GET", "/api/stations/nearby?" + centre + "&radius=20000&type=LOVE_STATION", null, null)
                .status()).isEqualTo(400);
        assertThat(send("GET", "/api/stations/nearby?" + centre + "&radius=100001&type=DRIVERS_HOME", null, null)
                .status()).isEqualTo(400);
        // Near the two: the type filter of the ordinary finder.
        HttpAnswer loveOnly = send("GET", "/api/stations/nearby?lat=44.40&lon=86.10&radius=1000&type=LOVE_STATION",
                null, null);
        assertThat(ids(loveOnly.json())).containsExactly(love);
    }

    @Test
    void badQuestionsAreAnsweredWithProblems() throws Exception {
        assertThat(send("GET", "/api/stations/corridors/G99-nowhere/ahead?lat=38.2&lon=109.78", null, null)
                .status()).isEqualTo(404);
        HttpAnswer offCorridor = send("GET", "/api/stations/corridors/G65-yulin/ahead?lat=38.2&lon=108.5", null,
                null);
        assertThat(offCorridor.status()).isEqualTo(422);
        assertThat(offCorridor.body()).contains("not-on-corridor");
        assertThat(send("POST", "/api/stations/along-route", null, "{\"points\":[{\"lat\":38.2,\"lon\":109.7}]}")
                .status()).isEqualTo(400);
        assertThat(send("POST", "/api/stations/along-route", null,
                "{\"points\":[{\"lat\":38.2,\"lon\":109.7},{\"lat\":38.1,\"lon\":109.7}],\"type\":\"LOVE_STATION\"}")
                .status()).isEqualTo(400);
        assertThat(send("POST", "/api/stations/along-route", null,
                "{\"points\":[{\"lat\":38.2,\"lon\":109.7},{\"lat\":38.1,\"lon\":200}]}").status()).isEqualTo(400);
        assertThat(send("GET", "/api/stations/corridors/G65-yulin/ahead?lat=38.2&lon=109.78&maxOffsetMetres=50000",
                null, null).status()).isEqualTo(400);
    }

    private String open(String type, double lat, double lon) throws Exception {
        String id = unique(type.equals("DRIVERS_HOME") ? "dh" : "love");
        String body = """
                {"id":"%s","organizationId":"yulin-truck-federation","orgPath":"%s","details":{"name":"测试 %s",
                 "type":"%s","address":"测试服务区","divisionCode":"610800","location":{"lat":%s,"lon":%s},
                 "amenities":[],"hours":{"alwaysOpen":true}}}""".formatted(id, YULIN, id, type, lat, lon);
        HttpAnswer reply = send("POST", "/api/stations", TestTokens.admin(), body);
        if (reply.status() != 201) {
            throw new AssertionError("opening station failed: " + reply.status() + " " + reply.body());
        }
        return id;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(found -> ids.add(found.has("station") ? found.get("station").get("id").asString()
                : found.get("id").asString()));
        return ids;
    }

    private static long aheadOf(JsonNode ahead, String id) {
        for (JsonNode found : ahead) {
            if (found.get("station").get("id").asString().equals(id)) {
                return found.get("aheadMetres").asLong();
            }
        }
        throw new AssertionError(id + " not ahead");
    }

}
