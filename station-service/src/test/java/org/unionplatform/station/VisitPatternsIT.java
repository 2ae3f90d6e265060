package org.unionplatform.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.station.counting.VisitDayRepository;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * The console's station figures of an organisation: visits by weekday and hour, and per county-level division the
 * active stations and their visits; only within the caller's scope (404 outside it), ranges checked.
 */
class VisitPatternsIT extends StationServiceIT {

    @Autowired
    VisitDayRepository counters;

    private String city;
    private String federation;
    private String cityPath;
    private String federationPath;
    private String unionPath;
    private String siblingPath;
    private LocalDate monday;
    private String busy;
    private String other;
    private String suspended;

    @BeforeEach
    void stationsWithVisits() throws Exception {
        city = unique("city");
        federation = unique("fed");
        cityPath = "/shaanxi/" + city + "/";
        federationPath = cityPath + federation + "/";
        unionPath = federationPath + unique("union") + "/";
        siblingPath = cityPath + unique("sibling") + "/";
        busy = openStation(unique("busy"), unionPath, 34.33, 108.71, "", "610402");
        other = openStation(unique("other"), federationPath, 34.35, 108.72, "", "610403");
        suspended = openStation(unique("closed"), unionPath, 34.36, 108.73, "", "610402");
        String outside = openStation(unique("outside"), siblingPath, 34.37, 108.74, "", "610402");
        HttpAnswer suspension = send("POST", "/api/stations/" + suspended + "/status", TestTokens.admin(),
                "{\"status\":\"SUSPENDED\",\"reason\":\"整修\"}");
        assertThat(suspension.status()).isEqualTo(200);

        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        monday = today.minusDays(14).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        visits(busy, unionPath, "610402", monday, 9, 3);
        visits(busy, unionPath, "610402", monday.plusDays(7), 9, 1);
        visits(other, federationPath, "610403", monday.plusDays(1), 18, 2);
        visits(suspended, unionPath, "610402", monday.plusDays(6), 20, 1);
        visits(busy, unionPath, "610402", monday.minusDays(40), 9, 5); // before the range below
        visits(outside, siblingPath, "610402", monday, 9, 7); // another organisation
    }

    private void visits(String station, String orgPath, String division, LocalDate day, int hour, int n) {
        for (int i = 0; i < n; i++) {
            counters.count(new VisitDayRepository.Tally(UUID.randomUUID().toString(), station, day.toString(), hour,
                    orgPath, division, "COURIER", List.of("REST"), null, false));
        }
    }

    private String range() {
        return "&from=" + monday + "&to=" + monday.plusDays(13);
    }

    @Test
    void visitsByWeekdayAndHourOfAnOrganisationsStations() throws Exception {
        JsonNode hours = ok(send("GET", "/api/checkins/week-hours?organizationId=" + federation + range(),
                TestTokens.organizer(cityPath), null));
        assertThat(hours.path("total").asLong()).isEqualTo(7);
        assertThat(hours.path("cells").toString()).isEqualTo(
                "[{\"weekday\":1,\"hour\":9,\"visits\":4},{\"weekday\":2,\"hour\":18,\"visits\":2},"
                        + "{\"weekday\":7,\"hour\":20,\"visits\":1}]");

        // The organizer of the federation itself (the root of their scope) sees the same; the administrator too.
        assertThat(ok(send("GET", "/api/checkins/week-hours?organizationId=" + federation + range(),
                TestTokens.organizer(federationPath), null)).path("total").asLong()).isEqualTo(7);
        assertThat(ok(send("GET", "/api/checkins/week-hours?organizationId=" + federation + range(),
                TestTokens.admin(), null)).path("total").asLong()).isEqualTo(7);
        // The whole city: the sibling's visits too.
        assertThat(ok(send("GET", "/api/checkins/week-hours?organizationId=" + city + range(),
                TestTokens.admin(), null)).path("total").asLong()).isEqualTo(14);
    }

    @Test
    void perCountyTheActiveStationsAndTheirVisits() throws Exception {
        JsonNode coverage = ok(send("GET", "/api/stations/coverage?organizationId=" + federation + range(),
                TestTokens.organizer(cityPath), null));
        assertThat(coverage.path("districts").toString()).isEqualTo(
                "[{\"divisionCode\":\"610402\",\"stations\":1,\"visits\":5},"
                        + "{\"divisionCode\":\"610403\",\"stations\":1,\"visits\":2}]");
        // Default range: the last 30 days (the visits above are 14 to 27 days old, the early ones older).
        JsonNode recent = ok(send("GET", "/api/stations/coverage?organizationId=" + federation,
                TestTokens.organizer(federationPath), null));
        assertThat(recent.path("districts").size()).isEqualTo(2);
        assertThat(recent.path("to").asString()).isEqualTo(LocalDate.now(ChinaTime.ZONE).toString());
    }

    @Test
    void outsideTheScopeIsNotFoundAndBadInputIsRefused() throws Exception {
        String union = unionPath.substring(federationPath.length(), unionPath.length() - 1);
        // Above the scope's root, a sibling, an unknown id: not found, as the API answers elsewhere.
        for (String path : List.of("/api/checkins/week-hours?organizationId=" + federation,
                "/api/stations/coverage?organizationId=" + federation,
                "/api/checkins/week-hours?organizationId=" + city)) {
            HttpAnswer answer = send("GET", path, TestTokens.organizer(unionPath), null);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("visits");
        }
        assertThat(send("GET", "/api/checkins/week-hours?organizationId=" + federation,
                TestTokens.organizer(siblingPath), null).status()).isEqualTo(404);
        assertThat(send("GET", "/api/stations/coverage?organizationId=no-such-org",
                TestTokens.organizer(cityPath), null).status()).isEqualTo(404);
        // Below the scope's root: found through its stations.
        assertThat(ok(send("GET", "/api/checkins/week-hours?organizationId=" + union + range(),
                TestTokens.organizer(cityPath), null)).path("total").asLong()).isEqualTo(5);

        HttpAnswer tooLong = send("GET", "/api/checkins/week-hours?organizationId=" + federation + "&from="
                + monday.minusDays(100) + "&to=" + monday, TestTokens.organizer(cityPath), null);
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("invalid-date-range");
        assertThat(send("GET", "/api/stations/coverage?organizationId=" + federation + "&from=" + monday
                + "&to=" + monday.minusDays(1), TestTokens.organizer(cityPath), null).status()).isEqualTo(422);
        assertThat(send("GET", "/api/stations/coverage", TestTokens.organizer(cityPath), null).status())
                .isEqualTo(400);
        assertThat(send("GET", "/api/checkins/week-hours?organizationId=bad%20id", TestTokens.organizer(cityPath),
                null).status()).isEqualTo(400);
        assertThat(send("GET", "/api/checkins/week-hours?organizationId=" + federation + "&from=yesterday",
                TestTokens.organizer(cityPath), null).status()).isEqualTo(400);
    }

    private static JsonNode ok(HttpAnswer answer) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
