package org.unionplatform.station;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

import com.github.tomakehurst.wiremock.http.Fault;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import tools.jackson.databind.JsonNode;

/** The station card (public) and a member's own check-in, through the real service with membership faked. */
class SelfCheckinIT extends StationServiceIT {

    private static final String XIANYANG = "/shaanxi/xianyang/xianyang-courier-federation/";

    @Autowired
    CircuitBreakerRegistry breakers;

    /** The membership breaker closed before and after each test: an outage here must not leak into others. */
    @BeforeEach
    @AfterEach
    void resetMembership() {
        MEMBERSHIP.resetAll();
        breakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
    }

    private void memberIs(String memberId, String status) {
        MEMBERSHIP.stubFor(get(urlEqualTo("/api/members/" + memberId + "/eligibility"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"memberId":"%s","status":"%s","workerType":"COURIER","gender":"FEMALE",
                         "organizationId":"xianyang-courier-federation","orgPath":"%s","hardship":false}"""
                        .formatted(memberId, status, XIANYANG))));
    }

    private HttpAnswer selfCheckIn(String memberId, String stationId) throws Exception {
        return send("POST", "/api/checkins/self", TestTokens.member(memberId),
                "{\"stationId\":\"" + stationId + "\"}");
    }

    private long total(String stationId) throws Exception {
        return send("GET", "/api/stations/" + stationId + "/visit-counts", TestTokens.admin(), null).json()
                .get("total").asLong();
    }

    @Test
    void theCardIsPublicAndShowsTodaysCountButNoStaffOrPersonalData() throws Exception {
        String station = openStation(unique("card"), XIANYANG, 34.33, 108.72, "\"CHARGING\",\"DRINKING_WATER\"",
                "610400");
        send("POST", "/api/checkins", TestTokens.attendant(station), """
                {"visitId":"%s","stationId":"%s","workerType":"COURIER","services":["WATER"],"visitedAt":"%s"}"""
                .formatted(UUID.randomUUID(), station, Instant.now().minusSeconds(5)));

        HttpAnswer card = send("GET", "/api/stations/" + station + "/card", null, null);

        assertThat(card.status()).isEqualTo(200);
        JsonNode body = card.json();
        assertThat(body.get("name").asString()).isEqualTo("测试驿站 " + station);
        assertThat(body.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(body.get("openNow").asBoolean()).isTrue();
        assertThat(body.get("aroundTheClockToday").asBoolean()).isTrue();
        assertThat(body.get("todayVisits").asLong()).isEqualTo(1);
        assertThat(body.get("amenities").toString()).contains("CHARGING", "DRINKING_WATER");
        assertThat(body.has("attendants")).isFalse();
        assertThat(body.has("orgPath")).isFalse();
        assertThat(send("GET", "/api/stations/no-such-station/card", null, null).status()).isEqualTo(404);
    }

    @Test
    void aMemberIsCountedOnceAnHourAndTheSecondTryIsExplained() throws Exception {
        String station = openStation(unique("self"), XIANYANG, 34.34, 108.73, "", "610400");
        String member = unique("m");
        memberIs(member, "ACTIVE");

        HttpAnswer first = selfCheckIn(member, station);
        HttpAnswer second = selfCheckIn(member, station);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("counted").asBoolean()).isTrue();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("counted").asBoolean()).isFalse();
        assertThat(second.json().get("visitId").asString()).isEqualTo(first.json().get("visitId").asString());
        assertThat(second.json().get("countedTime").asString()).matches("\\d\\d:\\d\\d")
                .isEqualTo(first.json().get("countedTime").asString());
        assertThat(total(station)).isEqualTo(1);
        JsonNode counts = send("GET", "/api/stations/" + station + "/visit-counts", TestTokens.admin(), null).json();
        assertThat(counts.get("byWorkerType").get("COURIER").asLong()).isEqualTo(1);
        MEMBERSHIP.verify(1, getRequestedFor(urlEqualTo("/api/members/" + member + "/eligibility"))
                .withHeader("Authorization", matching("Bearer .+")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(EVENTS)
                .filteredOn(event -> event.type().equals("checkin.recorded")
                        && event.envelope().payload().get("stationId").asString().equals(station))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.envelope().payload().get("memberId").asString()).isEqualTo(member);
                    assertThat(event.envelope().payload().get("verified").asBoolean()).isTrue();
                }));
        assertThat(send("GET", "/api/stations/" + station + "/card", null, null).json().get("todayVisits").asLong())
                .isEqualTo(1);
    }

    @Test
    void simultaneousTapsCountOnce() throws Exception {
        String station = openStation(unique("race"), XIANYANG, 34.35, 108.74, "", "610400");
        String member = unique("m");
        memberIs(member, "ACTIVE");
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> taps = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Integer> tap = () -> selfCheckIn(member, station).status();
                taps.add(pool.submit(tap));
            }
            for (Future<Integer> tap : taps) {
                statuses.add(tap.get());
            }
        }
        assertThat(statuses).containsOnly(200, 201).filteredOn(status -> status == 201).hasSize(1);
        assertThat(total(station)).isEqualTo(1);
    }

    @Test
    void stationsNotActiveMembersNotActiveAndOtherRolesAreRefusedAndNothingIsCounted() throws Exception {
        String station = openStation(unique("shut"), XIANYANG, 34.36, 108.75, "", "610400");
        String active = unique("m");
        String suspended = unique("m");
        memberIs(active, "ACTIVE");
        memberIs(suspended, "SUSPENDED");

        HttpAnswer notActiveMember = selfCheckIn(suspended, station);
        HttpAnswer attendant = send("POST", "/api/checkins/self", TestTokens.attendant(station),
                "{\"stationId\":\"" + station + "\"}");
        HttpAnswer anonymous = send("POST", "/api/checkins/self", null, "{\"stationId\":\"" + station + "\"}");
        HttpAnswer unknownStation = selfCheckIn(active, "no-such-station");
        HttpAnswer noStation = send("POST", "/api/checkins/self", TestTokens.member(active), "{}");
        assertThat(send("POST", "/api/stations/" + station + "/status", TestTokens.admin(),
                "{\"status\":\"SUSPENDED\",\"reason\":\"装修\"}").status()).isEqualTo(200);
        HttpAnswer closedStation = selfCheckIn(active, station);

        assertThat(notActiveMember.status()).isEqualTo(422);
        assertThat(notActiveMember.json().get("rule").asString()).isEqualTo("MEMBER_NOT_ACTIVE");
        assertThat(attendant.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(unknownStation.status()).isEqualTo(404);
        assertThat(noStation.status()).isEqualTo(400);
        assertThat(closedStation.status()).isEqualTo(422);
        assertThat(closedStation.json().get("rule").asString()).isEqualTo("STATION_NOT_ACTIVE");
        assertThat(total(station)).isZero();
    }

    @Test
    void withMembershipUnreachableNothingIsCountedAndTheMemberIsToldToRetry() throws Exception {
        String station = openStation(unique("down"), XIANYANG, 34.37, 108.76, "", "610400");
        String member = unique("m");
        MEMBERSHIP.stubFor(get(urlEqualTo("/api/members/" + member + "/eligibility"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        HttpAnswer reply = selfCheckIn(member, station);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(total(station)).isZero();
    }
}
