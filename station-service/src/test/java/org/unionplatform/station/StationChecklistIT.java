package org.unionplatform.station;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

/** Each station type is inspected against its own checklist (docs/stations.md, "Inspections"). */
class StationChecklistIT extends StationServiceIT {

    private static final String YULIN = "/shaanxi/yulin/yulin-truck-federation/";
    private static final String LOVE_STATION_POINTS =
            "{\"results\":{\"PREMISES\":true,\"SIGNAGE\":true,\"FACILITIES\":true,\"RULES\":true,\"STAFF\":true,"
                    + "\"LEDGER\":true}}";

    @Test
    void aDriversHomeIsInspectedAgainstItsOwnChecklistAndALoveStationAsBefore() throws Exception {
        String home = unique("dh-checklist");
        HttpAnswer opened = send("POST", "/api/stations", TestTokens.admin(), """
                {"id":"%s","organizationId":"yulin-truck-federation","orgPath":"%s","details":{"name":"检查司机之家",
                 "type":"DRIVERS_HOME","address":"榆林","divisionCode":"610800","location":{"lat":41.2,"lon":100.3},
                 "hours":{"alwaysOpen":true}}}""".formatted(home, YULIN));
        assertThat(opened.status()).isEqualTo(201);
        String organizer = TestTokens.organizer(YULIN);

        HttpAnswer lovePoints = send("POST", "/api/stations/" + home + "/inspections", organizer, LOVE_STATION_POINTS);
        assertThat(lovePoints.status()).isEqualTo(422);
        assertThat(lovePoints.body()).contains("FACILITIES");

        HttpAnswer own = send("POST", "/api/stations/" + home + "/inspections", organizer, """
                {"results":{"PREMISES":true,"SIGNAGE":true,"TRUCK_PARKING":true,"REST_ROOM":true,
                 "SHOWER_LAUNDRY":true,"HOT_FOOD_WATER":false,"RULES":true,"STAFF":true,"LEDGER":true}}""");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("lastInspection").get("result").asString()).isEqualTo("FAILED");
        assertThat(own.json().get("lastInspection").get("items").get(5).get("label").asString()).isEqualTo("有热水热饭");

        String love = openStation(unique("love-checklist"), YULIN, 41.21, 100.31, "", "610800");
        HttpAnswer loveInspected = send("POST", "/api/stations/" + love + "/inspections", organizer,
                LOVE_STATION_POINTS);
        assertThat(loveInspected.status()).isEqualTo(200);
        assertThat(loveInspected.json().get("lastInspection").get("result").asString()).isEqualTo("PASSED");
    }

    @Test
    void staffReadEveryTypesChecklist() throws Exception {
        HttpAnswer checklists = send("GET", "/api/stations/checklists", TestTokens.organizer(YULIN), null);

        assertThat(checklists.status()).isEqualTo(200);
        assertThat(checklists.json().get("DRIVERS_HOME").get(2).get("code").asString()).isEqualTo("TRUCK_PARKING");
        assertThat(checklists.json().get("LOVE_STATION")).hasSize(6);
        assertThat(checklists.json().get("READING_ROOM").toString()).contains("有图书报刊");
        assertThat(send("GET", "/api/stations/checklists", null, null).status()).isEqualTo(401);
    }
}
