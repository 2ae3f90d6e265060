package org.unionplatform.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;

import tools.jackson.databind.JsonNode;

class StationFinderIT extends StationServiceIT {

    private static final String YULIN = "/shaanxi/yulin/yulin-truck-federation/";
    /** A spot far from the other tests' stations, so only this test's stations are near. */
    private static final double LAT = 38.90;
    private static final double LON = 110.10;

    private List<String> ids(JsonNode stations) {
        List<String> ids = new ArrayList<>();
        stations.forEach(station -> ids.add(station.get("id").asString()));
        return ids;
    }

    @Test
    void theFinderIsPublicAndSortsByDistanceWithMetresAndRequiredAmenities() throws Exception {
        String near = openStation(unique("near"), YULIN, LAT + 0.001, LON, "\"MICROWAVE\",\"CHARGING\"", "610800");
        String middle = openStation(unique("middle"), YULIN, LAT + 0.01, LON, "\"CHARGING\"", "610800");
        String far = openStation(unique("far"), YULIN, LAT + 0.05, LON, "\"CHARGING\"", "610800");

        HttpAnswer all = send("GET", "/api/stations/nearby?lat=%s&lon=%s&radius=3000".formatted(LAT, LON), null, null);
        HttpAnswer withMicrowave = send("GET",
                "/api/stations/nearby?lat=%s&lon=%s&radius=3000&amenity=MICROWAVE".formatted(LAT, LON), null, null);

        assertThat(all.status()).isEqualTo(200);
        assertThat(ids(all.json())).containsExactly(near, middle).doesNotContain(far);
        long metres = all.json().get(0).get("distanceMetres").asLong();
        assertThat(metres).isBetween(105L, 118L);
        assertThat(all.json().get(1).get("distanceMetres").asLong()).isBetween(1100L, 1125L);
        assertThat(ids(withMicrowave.json())).containsExactly(near);
    }

    @Test
    void aMovedStationIsFoundAtItsNewPlaceOnly() throws Exception {
        double lat = 37.10;
        double lon = 109.20;
        String moving = openStation(unique("moving"), YULIN, lat, lon, "", "610800");
        String update = """
                {"name":"搬迁后的司机之家","type":"DRIVERS_HOME","address":"新址","divisionCode":"610800",
                 "location":{"lat":%s,"lon":%s},"hours":{"alwaysOpen":true}}""".formatted(lat + 0.2, lon + 0.2);

        assertThat(send("PUT", "/api/stations/" + moving, TestTokens.organizer(YULIN), update).status())
                .isEqualTo(200);

        assertThat(ids(send("GET", "/api/stations/nearby?lat=%s&lon=%s&radius=2000".formatted(lat, lon), null, null)
                .json())).doesNotContain(moving);
        assertThat(ids(send("GET", "/api/stations/nearby?lat=%s&lon=%s&radius=2000".formatted(lat + 0.2, lon + 0.2),
                null, null).json())).containsExactly(moving);
    }

    @Test
    void suspendedAndClosedStationsAreNotFoundAndOpenNowFollowsTheHours() throws Exception {
        double lat = 36.50;
        double lon = 109.50;
        String suspended = openStation(unique("suspended"), YULIN, lat, lon, "", "610800");
        String closedAllDays = openStation(unique("never-open"), YULIN, lat + 0.001, lon, "", "610800");
        send("POST", "/api/stations/" + suspended + "/status", TestTokens.organizer(YULIN),
                "{\"status\":\"SUSPENDED\",\"reason\":\"装修\"}");
        String noHours = """
                {"name":"只在节假日开放","type":"DRIVERS_HOME","address":"榆林","divisionCode":"610800",
                 "location":{"lat":%s,"lon":%s},"hours":{"alwaysOpen":false,"weekly":{}}}""".formatted(lat + 0.001, lon);
        assertThat(send("PUT", "/api/stations/" + closedAllDays, TestTokens.organizer(YULIN), noHours).status())
                .isEqualTo(200);

        String query = "/api/stations/nearby?lat=%s&lon=%s&radius=1000".formatted(lat, lon);
        assertThat(ids(send("GET", query, null, null).json())).containsExactly(closedAllDays);
        assertThat(ids(send("GET", query + "&openNow=true", null, null).json())).isEmpty();
    }

    @Test
    void theDirectoryListsByDivisionCodeAndOrganisationSubtree() throws Exception {
        String beilin = openStation(unique("dir-beilin"), "/shaanxi/xian/xian-beilin/beilin-delivery-joint/",
                34.25, 108.95, "", "610103");

        JsonNode byDivision = send("GET", "/api/stations/directory?divisionCode=610100&size=200", null, null).json();
        JsonNode byProvince = send("GET", "/api/stations/directory?divisionCode=610000&size=200", null, null).json();
        JsonNode bySubtree = send("GET", "/api/stations/directory?organizationId=xian-beilin&size=200", null, null)
                .json();
        JsonNode otherSubtree = send("GET", "/api/stations/directory?organizationId=yulin&size=200", null, null).json();

        assertThat(ids(byDivision.get("items"))).contains(beilin);
        assertThat(ids(byProvince.get("items"))).contains(beilin);
        assertThat(ids(bySubtree.get("items"))).contains(beilin);
        assertThat(ids(otherSubtree.get("items"))).doesNotContain(beilin);
    }

    @Test
    void coordinatesOutsideChinaAreRejected() throws Exception {
        assertThat(send("GET", "/api/stations/nearby?lat=51.5&lon=-0.12&radius=1000", null, null).status())
                .isEqualTo(400);
        HttpAnswer reply = send("POST", "/api/stations", TestTokens.admin(), """
                {"organizationId":"yulin","orgPath":"/shaanxi/yulin/","details":{"name":"x","type":"DRIVERS_HOME",
                 "address":"x","divisionCode":"610800","location":{"lat":48.85,"lon":2.35}}}""");
        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void aStationHasAPrintableQrCodeAndAnInspectionAgainstTheStandard() throws Exception {
        String station = openStation(unique("qr"), YULIN, 38.0, 109.0, "", "610800");
        var png = HttpTestClient.local(port).get("/api/stations/" + station + "/qr-code",
                TestTokens.attendant(station));
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.bytes()));
        var decoded = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(
                        new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image))));
        assertThat(decoded.getText()).endsWith("/check-in/" + station);

        HttpAnswer failed = send("POST", "/api/stations/" + station + "/inspections", TestTokens.organizer(YULIN), """
                {"results":{"PREMISES":true,"SIGNAGE":true,"FACILITIES":true,"RULES":true,"STAFF":false,"LEDGER":true}}""");
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.json().get("lastInspection").get("result").asString()).isEqualTo("FAILED");
        HttpAnswer incomplete = send("POST", "/api/stations/" + station + "/inspections", TestTokens.organizer(YULIN),
                "{\"results\":{\"PREMISES\":true}}");
        assertThat(incomplete.status()).isEqualTo(422);
    }
}
