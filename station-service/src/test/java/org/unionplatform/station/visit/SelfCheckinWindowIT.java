package org.unionplatform.station.visit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.station.StationServiceIT;
import org.unionplatform.station.station.Station;
import org.unionplatform.testsupport.security.TestTokens;

/** "Within the hour" is the last 60 minutes, also across a clock hour: 10:59 and 11:01 are one visit. */
class SelfCheckinWindowIT extends StationServiceIT {

    private static final String XIANYANG = "/shaanxi/xianyang/xianyang-courier-federation/";

    @Autowired
    MongoOperations mongo;

    @Autowired
    Visits recorder;

    private void memberIsActive(String memberId) {
        MEMBERSHIP.stubFor(get(urlEqualTo("/api/members/" + memberId + "/eligibility"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "{\"memberId\":\"" + memberId + "\",\"status\":\"ACTIVE\",\"workerType\":\"COURIER\"}")));
    }

    /** A self check-in recorded earlier, at {@code at}, under the id of that clock hour. */
    private void checkedInBefore(String memberId, String stationId, Instant at) {
        ZonedDateTime hour = at.atZone(ChinaTime.ZONE).truncatedTo(ChronoUnit.HOURS);
        Visit visit = Visit.record(SelfCheckins.visitId(memberId, stationId, hour),
                mongo.findById(stationId, Station.class), at, at, "member-" + memberId,
                new Visit.Visitor(memberId, null, null, "COURIER", Verification.VERIFIED), List.of(), null, false);
        assertThat(recorder.recordOnce(visit).outcome()).isEqualTo(VisitRequests.Outcome.CREATED);
    }

    private HttpAnswer selfCheckIn(String memberId, String stationId) throws Exception {
        return send("POST", "/api/checkins/self", TestTokens.member(memberId), "{\"stationId\":\"" + stationId + "\"}");
    }

    @Test
    void aVisitOfThePreviousHourLessThanAnHourAgoCountsAndOneOverAnHourAgoDoesNot() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(ChinaTime.ZONE);
        assumeTrue(now.getMinute() < 58, "needs a minute of the current hour before :58");
        Instant justBeforeThisHour = now.truncatedTo(ChronoUnit.HOURS).minusMinutes(1).toInstant();
        String station = openStation(unique("window"), XIANYANG, 34.38, 108.77, "", "610400");
        String recent = unique("m");
        String longAgo = unique("m");
        memberIsActive(recent);
        memberIsActive(longAgo);
        checkedInBefore(recent, station, justBeforeThisHour);
        checkedInBefore(longAgo, station, now.toInstant().minus(Duration.ofMinutes(61)));

        HttpAnswer withinTheHour = selfCheckIn(recent, station);
        HttpAnswer overAnHour = selfCheckIn(longAgo, station);

        assertThat(withinTheHour.status()).isEqualTo(200);
        assertThat(withinTheHour.json().get("counted").asBoolean()).isFalse();
        assertThat(withinTheHour.json().get("countedTime").asString()).isEqualTo(
                justBeforeThisHour.atZone(ChinaTime.ZONE).format(DateTimeFormatter.ofPattern("HH:mm")));
        assertThat(overAnHour.status()).isEqualTo(201);
    }
}
