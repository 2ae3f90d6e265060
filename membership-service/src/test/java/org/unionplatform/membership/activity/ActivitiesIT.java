package org.unionplatform.membership.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.People;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/** Activities through HTTP: sign-ups from the phone, the waiting list, the door, the timeline and the figures. */
class ActivitiesIT extends MembershipIT {

    private static final String ORGANIZER = TestTokens.organizer(SHOUQI_PATH);

    @Autowired
    SentSignInCodes sentCodes;

    @Test
    void anActivityOpenToAllFillsUpWaitListsPromotesAndTakesAttendanceAtTheDoor() {
        String activityId = publish("ALL_WORKERS", 2, "\"stationId\":\"xy-love-01\",\"name\":\"爱心驿站一号\"",
                "CULTURE_SPORTS", "");
        JsonNode first = approvedMember(People.residentId());
        JsonNode second = approvedMember(People.residentId());
        String firstToken = TestTokens.member(first.get("memberId").asString());
        String secondToken = TestTokens.member(second.get("memberId").asString());

        var firstSignUp = httpPost("/api/members/activities/" + activityId + "/sign-ups", firstToken, null);
        assertThat(firstSignUp.status()).as(firstSignUp.body()).isEqualTo(201);
        assertThat(json(firstSignUp).get("status").asString()).isEqualTo("CONFIRMED");
        var again = httpPost("/api/members/activities/" + activityId + "/sign-ups", firstToken, null);
        assertThat(again.status()).as("a second tap takes no second place").isEqualTo(200);
        assertThat(json(again).get("code").asString()).isEqualTo(json(firstSignUp).get("code").asString());
        var secondSignUp = httpPost("/api/members/activities/" + activityId + "/sign-ups", secondToken, null);
        assertThat(json(secondSignUp).get("status").asString()).isEqualTo("CONFIRMED");

        String phone = People.phone();
        var guest = signUpGuest(activityId, "李小红", phone);
        assertThat(guest.status()).as(guest.body()).isEqualTo(201);
        assertThat(json(guest).get("status").asString()).isEqualTo("WAITING");
        assertThat(json(guest).get("waitingPosition").asInt()).isEqualTo(1);
        assertThat(mongo.getCollection("activities").find().into(new java.util.ArrayList<>()).toString())
                .as("the non-member's phone is never stored in clear").doesNotContain(phone);

        JsonNode open = json(httpGet("/api/members/activities/open/" + activityId, null));
        assertThat(open.get("confirmed").asInt()).isEqualTo(2);
        assertThat(open.get("waiting").asInt()).isEqualTo(1);
        assertThat(open.get("spacesLeft").asInt()).isZero();
        assertThat(open.toString()).doesNotContain("李小红").doesNotContain(phone.substring(7));

        String attendant = TestTokens.attendant("xy-love-01");
        var byCard = attend(attendant, activityId, first.get("cardNumber").asString());
        assertThat(byCard.status()).as(byCard.body()).isEqualTo(200);
        assertThat(json(byCard).get("already").asBoolean()).isFalse();
        assertThat(json(byCard).get("member").asBoolean()).isTrue();
        assertThat(json(attend(attendant, activityId, first.get("qrToken").asString())).get("already").asBoolean())
                .as("a second scan counts nothing").isTrue();
        assertThat(attend(TestTokens.attendant("xy-love-02"), activityId, first.get("cardNumber").asString())
                .status()).as("another station's attendant does not reach it").isEqualTo(404);
        var waiting = attend(attendant, activityId, json(guest).get("code").asString());
        assertThat(waiting.status()).isEqualTo(422);
        assertThat(json(waiting).get("rule").asString()).isEqualTo("on-waiting-list");

        var cancelled = httpPost("/api/members/activities/" + activityId + "/cancellations", null,
                "{\"code\":\"" + json(secondSignUp).get("code").asString() + "\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).get("waiting").asInt()).as("the first waiting took the place").isZero();
        var guestAtDoor = attend(ORGANIZER, activityId, json(guest).get("code").asString().toLowerCase());
        assertThat(guestAtDoor.status()).as(guestAtDoor.body()).isEqualTo(200);
        assertThat(json(guestAtDoor).get("member").asBoolean()).isFalse();
        assertThat(json(guestAtDoor).get("name").asString()).isEqualTo("李**");

        await().atMost(Duration.ofSeconds(20)).until(() -> json(httpGet("/api/members/"
                + first.get("memberId").asString() + "/timeline", firstToken)).toString().contains("ACTIVITY"));
        JsonNode figures = json(httpGet("/api/members/activities/figures?organizationId=shouqi-union", ORGANIZER));
        assertThat(figures.get("attended").asInt()).isEqualTo(2);
        assertThat(figures.get("attendedMembers").asInt()).isEqualTo(1);
        assertThat(figures.get("attendedNonMembers").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> events("activity.attended").size() == 2);
        assertThat(json(httpGet("/api/members/activities/mine", firstToken)).get(0).get("status").asString())
                .isEqualTo("CONFIRMED");
        JsonNode detail = json(httpGet("/api/members/activities/" + activityId, ORGANIZER));
        assertThat(detail.get("signUps")).hasSize(3);
        assertThat(detail.toString()).doesNotContain(phone);
    }

    @Test
    void aMembersOnlyActivityTurnsANonMemberAwayAndAWrongCodeSignsNobodyUp() {
        String activityId = publish("MEMBERS", 10, "\"name\":\"碑林区总工会\",\"address\":\"西安市碑林区南大街 1 号\"",
                "ANTI_FRAUD_TALK", "");
        String phone = People.phone();
        httpPost("/api/members/activities/" + activityId + "/guest-codes", null, "{\"phone\":\"" + phone + "\"}");
        var wrong = httpPost("/api/members/activities/" + activityId + "/guest-sign-ups", null,
                guestJson("张三", phone, "000000".equals(lastCode(phone)) ? "000001" : "000000"));
        assertThat(wrong.status()).isEqualTo(401);
        var refused = httpPost("/api/members/activities/" + activityId + "/guest-sign-ups", null,
                guestJson("张三", phone, lastCode(phone)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused).get("rule").asString()).isEqualTo("members-only");
        assertThat(json(httpGet("/api/members/activities/open/" + activityId, null)).get("confirmed").asInt())
                .isZero();
    }

    @Test
    void badActivitiesAreRefusedAndOthersOrganisationsAreOutOfReach() {
        var jobsAtATalk = send("POST", "/api/members/activities", ORGANIZER, body("shouqi-union", "ALL_WORKERS", 5,
                "\"name\":\"驿站\"", "TRAFFIC_SAFETY_TALK", jobPosts()));
        assertThat(jobsAtATalk.status()).isEqualTo(422);
        assertThat(json(jobsAtATalk).get("rule").asString()).isEqualTo("job-posts-at-job-fairs");
        var fair = send("POST", "/api/members/activities", ORGANIZER, body("shouqi-union", "ALL_WORKERS", 5,
                "\"name\":\"驿站\"", "JOB_FAIR", jobPosts()));
        assertThat(fair.status()).as(fair.body()).isEqualTo(201);
        assertThat(json(fair).get("jobPosts").get(0).get("position").asString()).isEqualTo("骑手");
        assertThat(send("POST", "/api/members/activities", ORGANIZER, body("yulin-truck-federation", "ALL_WORKERS",
                5, "\"name\":\"驿站\"", "JOB_FAIR", "")).status()).isEqualTo(404);
        assertThat(send("POST", "/api/members/activities", ORGANIZER, body("shouqi-union", "ALL_WORKERS", 0,
                "\"name\":\"驿站\"", "JOB_FAIR", "")).status()).isEqualTo(400);
        String id = json(fair).get("id").asString();
        assertThat(httpGet("/api/members/activities/" + id, TestTokens.organizer(YULIN_TRUCK_PATH)).status())
                .isEqualTo(404);
        assertThat(httpGet("/api/members/activities/figures?organizationId=shouqi-union",
                TestTokens.organizer(YULIN_TRUCK_PATH)).status()).isEqualTo(404);
    }

    private String publish(String audience, int capacity, String venue, String kind, String jobPosts) {
        var response = send("POST", "/api/members/activities", ORGANIZER,
                body("shouqi-union", audience, capacity, venue, kind, jobPosts));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asString();
    }

    private static String body(String organizationId, String audience, int capacity, String venue, String kind,
            String jobPosts) {
        Instant start = Instant.now().plus(30, ChronoUnit.MINUTES);
        return """
                {"organizationId":"%s","title":"骑手等单时的趣味运动会","kind":"%s","venue":{%s},
                 "startsAt":"%s","endsAt":"%s","capacity":%d,"audience":"%s"%s}"""
                .formatted(organizationId, kind, venue, start, start.plus(3, ChronoUnit.HOURS), capacity, audience,
                        jobPosts.isEmpty() ? "" : ",\"jobPosts\":" + jobPosts);
    }

    private static String jobPosts() {
        return "[{\"employer\":\"美团配送站\",\"position\":\"骑手\",\"payFromYuan\":6000,\"payToYuan\":9000,"
                + "\"openings\":20}]";
    }

    private HttpAnswer signUpGuest(String activityId, String name, String phone) {
        var asked = httpPost("/api/members/activities/" + activityId + "/guest-codes", null,
                "{\"phone\":\"" + phone + "\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        return httpPost("/api/members/activities/" + activityId + "/guest-sign-ups", null,
                guestJson(name, phone, lastCode(phone)));
    }

    private String lastCode(String phone) {
        return sentCodes.toPhone(phone).getLast().code();
    }

    private static String guestJson(String name, String phone, String code) {
        return "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"workerType\":\"DELIVERY_RIDER\",\"code\":\""
                + code + "\"}";
    }

    private HttpAnswer attend(String token, String activityId, String code) {
        return httpPost("/api/members/activities/" + activityId + "/attendance", token,
                "{\"code\":\"" + code + "\"}");
    }
}
