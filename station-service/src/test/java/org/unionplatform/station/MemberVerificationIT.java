package org.unionplatform.station;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.unionplatform.common.pii.QrTokenHash;
import org.unionplatform.station.visit.Verification;
import org.unionplatform.station.visit.Visit;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;

import com.github.tomakehurst.wiremock.http.Fault;

import tools.jackson.databind.JsonNode;

class MemberVerificationIT extends StationServiceIT {

    private static final String XIANYANG = "/shaanxi/xianyang/xianyang-courier-federation/";
    private static final String VERIFICATIONS = "/api/members/card-verifications";

    @Autowired
    MongoOperations mongo;

    @BeforeEach
    void resetMembership() {
        MEMBERSHIP.resetAll();
    }

    private String memberVisit(String visitId, String stationId, String card) {
        return """
                {"visitId":"%s","stationId":"%s","cardNumber":"%s","services":["CHARGING"],"visitedAt":"%s"}"""
                .formatted(visitId, stationId, card, Instant.now().minusSeconds(10));
    }

    private void memberExists(String card, String memberId, String workerType) {
        MEMBERSHIP.stubFor(post(urlEqualTo(VERIFICATIONS)).withRequestBody(equalToJson("{\"cardNumber\":\"" + card + "\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"memberId":"%s","cardNumber":"%s","workerType":"%s","status":"ACTIVE",
                         "organizationId":"xianyang-courier-federation","orgPath":"%s"}"""
                        .formatted(memberId, card, workerType, XIANYANG))));
    }

    @Test
    void aKnownCardIsVerifiedAtOnceWithTheServiceTokenAndAnUnknownOneIsRejected() throws Exception {
        String station = openStation(unique("cards"), XIANYANG, 34.30, 108.70, "", "610400");
        memberExists("XY000123", "member-123", "COURIER");
        MEMBERSHIP.stubFor(post(urlEqualTo(VERIFICATIONS)).withRequestBody(containing("NOBODY"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404}")));

        HttpAnswer known = send("POST", "/api/checkins", TestTokens.attendant(station),
                memberVisit(UUID.randomUUID().toString(), station, "XY000123"));
        HttpAnswer unknown = send("POST", "/api/checkins", TestTokens.attendant(station),
                memberVisit(UUID.randomUUID().toString(), station, "NOBODY01"));

        assertThat(known.status()).isEqualTo(201);
        assertThat(known.json().get("verification").asString()).isEqualTo("VERIFIED");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("rule").asString()).isEqualTo("MEMBER_NOT_FOUND");
        MEMBERSHIP.verify(postRequestedFor(urlEqualTo(VERIFICATIONS))
                .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void withMembershipDownVisitsAreRecordedUnverifiedAndVerifiedWhenItReturns() throws Exception {
        String station = openStation(unique("offline"), XIANYANG, 34.31, 108.71, "", "610400");
        MEMBERSHIP.stubFor(post(urlEqualTo(VERIFICATIONS))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String card = "XY" + (100000 + (int) (Math.random() * 800000));
        String[] visitIds = new String[3];
        for (int i = 0; i < visitIds.length; i++) {
            visitIds[i] = UUID.randomUUID().toString();
            HttpAnswer reply = send("POST", "/api/checkins", TestTokens.attendant(station),
                    memberVisit(visitIds[i], station, card));
            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.json().get("verification").asString()).isEqualTo("PENDING");
        }
        JsonNode before = send("GET", "/api/stations/" + station + "/visit-counts", TestTokens.admin(), null).json();
        assertThat(before.get("total").asLong()).isEqualTo(3);
        assertThat(before.get("byWorkerType").get("UNKNOWN").asLong()).isEqualTo(3);

        memberExists(card, "member-" + card, "COURIER");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String visitId : visitIds) {
                Visit visit = mongo.findById(visitId, Visit.class);
                assertThat(visit.verification()).isEqualTo(Verification.VERIFIED);
                assertThat(visit.memberId()).isEqualTo("member-" + card);
            }
        });
        JsonNode after = send("GET", "/api/stations/" + station + "/visit-counts", TestTokens.admin(), null).json();
        assertThat(after.get("total").asLong()).isEqualTo(3);
        assertThat(after.get("byWorkerType").get("COURIER").asLong()).isEqualTo(3);
        assertThat(after.get("byWorkerType").has("UNKNOWN")).isFalse();
        assertThat(after.get("nonMembers").asLong()).as("a member's visit is never a non-member's").isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(EVENTS)
                .filteredOn(event -> event.type().equals("checkin.verified")
                        && event.envelope().payload().get("stationId").asString().equals(station))
                .hasSize(3));
    }

    @Test
    void anUnverifiedQrVisitKeepsOnlyTheTokensHashAndIsVerifiedByIt() throws Exception {
        String station = openStation(unique("qr-offline"), XIANYANG, 34.32, 108.72, "", "610400");
        MEMBERSHIP.stubFor(post(urlEqualTo(VERIFICATIONS))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String token = "qr-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        String visitId = UUID.randomUUID().toString();

        HttpAnswer reply = send("POST", "/api/checkins", TestTokens.attendant(station), """
                {"visitId":"%s","stationId":"%s","qrToken":"%s","services":["WATER"],"visitedAt":"%s"}"""
                .formatted(visitId, station, token, Instant.now().minusSeconds(10)));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("verification").asString()).isEqualTo("PENDING");
        Document stored = mongo.getCollection(Visit.COLLECTION).find(new Document("_id", visitId)).first();
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain(token);
        assertThat(stored.getString("qrTokenHash")).isEqualTo(QrTokenHash.of(token));

        // Over the outage's stub at once (no moment without a stub, when the sweep would hear 404: unmatched).
        MEMBERSHIP.stubFor(post(urlEqualTo(VERIFICATIONS)).atPriority(1)
                .withRequestBody(equalToJson("{\"qrTokenHash\":\"" + QrTokenHash.of(token) + "\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"memberId":"member-qr","cardNumber":"XY777001","workerType":"COURIER","status":"ACTIVE"}""")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Visit visit = mongo.findById(visitId, Visit.class);
            assertThat(visit.verification()).isEqualTo(Verification.VERIFIED);
            assertThat(visit.memberId()).isEqualTo("member-qr");
        });
        MEMBERSHIP.verify(postRequestedFor(urlEqualTo(VERIFICATIONS)).withRequestBody(containing("qrTokenHash")));
    }
}
