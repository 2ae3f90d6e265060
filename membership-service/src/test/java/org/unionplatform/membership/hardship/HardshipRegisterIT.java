package org.unionplatform.membership.hardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.People;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/** The hardship register through HTTP, the database and the bus. */
class HardshipRegisterIT extends MembershipIT {

    private static final String OFFICER = TestTokens.benefitOfficer(SHOUQI_PATH);
    private static final LocalDate TODAY = LocalDate.now(ChinaTime.ZONE);

    @Autowired
    Hardships hardships;

    private String member() {
        return approvedMember(People.residentId()).get("memberId").asString();
    }

    private HttpAnswer register(String memberId, String token, LocalDate reviewOn) {
        return httpPost("/api/members/" + memberId + "/hardship", token, """
                {"reason":"INJURY","evidence":"派送途中摔伤，已核看诊断证明","checkedBy":"王芳","reviewOn":"%s"}"""
                .formatted(reviewOn));
    }

    private JsonNode eligibility(String memberId) {
        return json(httpGet("/api/members/" + memberId + "/eligibility", TestTokens.service("benefits-service")));
    }

    @Test
    void aRegisteredMemberCountsAsInHardshipIsAnnouncedAndSeesTheirStatus() {
        String memberId = member();
        assertThat(eligibility(memberId).get("hardship").asBoolean()).isFalse();

        var registered = register(memberId, OFFICER, TODAY.plusDays(90));

        assertThat(registered.status()).isEqualTo(201);
        assertThat(json(registered).get("status").asString()).isEqualTo("REGISTERED");
        assertThat(json(registered).get("daysToReview").asLong()).isEqualTo(90);
        assertThat(eligibility(memberId).get("hardship").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> events("hardship.registered").stream()
                .anyMatch(event -> memberId.equals(event.payload().get("memberId").asString())));
        var own = json(httpGet("/api/members/me/hardship", TestTokens.member(memberId)));
        assertThat(own.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(own.get("reviewOn").asString()).isEqualTo(TODAY.plusDays(90).toString());
        assertThat(own.has("evidence")).isFalse();
        var timeline = json(httpGet("/api/members/" + memberId + "/timeline", TestTokens.member(memberId)));
        assertThat(timeline.get("items").valueStream().map(entry -> entry.get("title").asString()))
                .contains("登记为困难职工");
    }

    @Test
    void outOfScopeIsNotFoundOtherRolesAreForbiddenAndTheRegistrationIsUnchanged() {
        String memberId = member();

        assertThat(register(memberId, TestTokens.benefitOfficer(RONGCHENG_PATH), TODAY.plusDays(30)).status())
                .isEqualTo(404);
        assertThat(httpGet("/api/members/" + memberId + "/hardship", TestTokens.benefitOfficer(RONGCHENG_PATH))
                .status()).isEqualTo(404);
        assertThat(register(memberId, TestTokens.organizer(SHOUQI_PATH), TODAY.plusDays(30)).status()).isEqualTo(403);
        assertThat(json(httpGet("/api/members/" + memberId + "/hardship", OFFICER)).get("status").asString())
                .isEqualTo("NONE");
    }

    @Test
    void malformedInputIsABadRequestAndAReviewDateNotAheadIsUnprocessable() {
        String memberId = member();
        String path = "/api/members/" + memberId + "/hardship";

        assertThat(httpPost(path, OFFICER, "{\"evidence\":\"x\",\"checkedBy\":\"王芳\",\"reviewOn\":\"2030-01-01\"}")
                .status()).isEqualTo(400);
        assertThat(httpPost(path, OFFICER, """
                {"reason":"BORED","evidence":"x","checkedBy":"王芳","reviewOn":"%s"}""".formatted(TODAY.plusDays(9)))
                .status()).isEqualTo(400);
        var today = register(memberId, OFFICER, TODAY);
        assertThat(today.status()).isEqualTo(422);
        assertThat(json(today).get("rule").asString()).isEqualTo("review-date");
        assertThat(json(httpGet(path, OFFICER)).get("status").asString()).isEqualTo("NONE");
    }

    @Test
    void aRegistrationInForceConflictsAndAReviewMovesItsDate() {
        String memberId = member();
        register(memberId, OFFICER, TODAY.plusDays(30));

        assertThat(register(memberId, OFFICER, TODAY.plusDays(60)).status()).isEqualTo(409);
        var reviewed = httpPost("/api/members/" + memberId + "/hardship/review", OFFICER,
                "{\"reviewOn\":\"%s\",\"note\":\"仍在康复期\"}".formatted(TODAY.plusDays(180)));
        assertThat(reviewed.status()).isEqualTo(200);
        assertThat(json(reviewed).get("reviewOn").asString()).isEqualTo(TODAY.plusDays(180).toString());
        assertThat(json(reviewed).get("history").valueStream().map(step -> step.get("action").asString()))
                .containsExactly("REGISTERED", "REVIEWED");
        var ended = httpPost("/api/members/" + memberId + "/hardship/end", OFFICER, "{\"note\":\"已康复返岗\"}");
        assertThat(json(ended).get("status").asString()).isEqualTo("ENDED");
        assertThat(httpPost("/api/members/" + memberId + "/hardship/end", OFFICER, "{\"note\":\"again\"}").status())
                .isEqualTo(409);
        assertThat(eligibility(memberId).get("hardshipNote").asString()).isEqualTo("困难职工建档已在复核后终止");
    }

    @Test
    void theListShowsDueReviewsFirstWithinTheOfficersSubtree() {
        String later = member();
        String sooner = member();
        register(later, OFFICER, TODAY.plusDays(700));
        register(sooner, OFFICER, TODAY.plusDays(1));

        var list = json(httpGet("/api/members/hardship?size=200", OFFICER)).get("items");
        var ids = list.valueStream().map(item -> item.get("memberId").asString()).toList();
        assertThat(ids).contains(sooner, later);
        assertThat(ids.indexOf(sooner)).isLessThan(ids.indexOf(later));
        assertThat(json(httpGet("/api/members/hardship", TestTokens.benefitOfficer(RONGCHENG_PATH))).get("items")
                .valueStream().map(item -> item.get("memberId").asString())).doesNotContain(sooner, later);
    }

    @Test
    void theLapseRoundRecordsEachLapseOnceEvenWhenTwoInstancesSweepAtOnce() {
        String memberId = member();
        register(memberId, OFFICER, TODAY.plusDays(3));
        Instant afterReviewDate = Instant.now().plus(Duration.ofDays(5));

        var first = CompletableFuture.supplyAsync(() -> hardships.lapseDue(afterReviewDate, 1000));
        var second = CompletableFuture.supplyAsync(() -> hardships.lapseDue(afterReviewDate, 1000));
        first.join();
        second.join();

        var file = json(httpGet("/api/members/" + memberId + "/hardship", OFFICER));
        assertThat(file.get("history").valueStream().map(step -> step.get("action").asString()))
                .containsExactly("REGISTERED", "LAPSED");
        assertThat(eligibility(memberId).get("hardship").asBoolean()).isFalse();
        assertThat(eligibility(memberId).get("hardshipNote").asString())
                .isEqualTo("困难职工建档已失效：复核日期 " + TODAY.plusDays(3) + " 前未复核，需重新建档");
        await().atMost(Duration.ofSeconds(20)).until(() -> events("hardship.lapsed").stream()
                .anyMatch(event -> memberId.equals(event.payload().get("memberId").asString())));
        assertThat(events("hardship.lapsed").stream()
                .filter(event -> memberId.equals(event.payload().get("memberId").asString()))).hasSize(1);
        assertThat(httpPost("/api/members/" + memberId + "/hardship/review", OFFICER,
                "{\"reviewOn\":\"%s\",\"note\":\"补复核\"}".formatted(TODAY.plusDays(100))).status()).isEqualTo(409);
        assertThat(register(memberId, OFFICER, TODAY.plusDays(100)).status()).isEqualTo(201);
    }

    @Test
    void aReviewDateCorrectedToThePastLapsesTheRegistrationAtOnce() {
        String memberId = member();
        register(memberId, OFFICER, TODAY.plusDays(60));

        var corrected = httpPost("/api/members/" + memberId + "/hardship/review-date", OFFICER,
                "{\"reviewOn\":\"%s\",\"note\":\"证明有效期只到昨天\"}".formatted(TODAY.minusDays(1)));

        assertThat(corrected.status()).isEqualTo(200);
        assertThat(json(corrected).get("status").asString()).isEqualTo("LAPSED");
        assertThat(eligibility(memberId).get("hardship").asBoolean()).isFalse();
        assertThat(eligibility(memberId).get("hardshipNote").asString()).contains("前未复核");
        assertThat(hardships.lapseDue(Instant.now(), 1000)).isPositive();
        assertThat(json(httpGet("/api/members/" + memberId + "/hardship", OFFICER)).get("history").valueStream()
                .map(step -> step.get("action").asString())).containsExactly("REGISTERED", "CORRECTED", "LAPSED");
    }
}
