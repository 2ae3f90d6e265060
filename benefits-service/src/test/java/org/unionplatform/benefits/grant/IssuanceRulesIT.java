package org.unionplatform.benefits.grant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.unionplatform.benefits.BenefitsIT;
import org.unionplatform.benefits.program.ProgramLedger;
import org.unionplatform.benefits.program.Reservation;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;

class IssuanceRulesIT extends BenefitsIT {

    @Autowired
    RecoverySweep sweep;
    @Autowired
    ProgramLedger ledger;
    @Autowired
    MemberSlotRepository slots;

    @Test
    void ineligibleMemberIsRefusedWith422NamingTheRule() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        var fields = moneyProgram(org, "女职工医疗互助", 100_000L, 10_000L);
        fields.put("kind", "FEMALE_MEDICAL_MUTUAL_AID");
        fields.put("eligibility", Map.of("genders", java.util.List.of("FEMALE"), "minMembershipDays", 30));
        String programId = openProgram(officer, fields);
        String man = "m-" + org.unionId();
        member(man, Map.of("status", "ACTIVE", "workerType", "DELIVERY_RIDER", "gender", "MALE",
                "organizationId", org.unionId(), "orgPath", org.unionPath(), "joinedOn", "2020-01-01"));
        String newcomer = "n-" + org.unionId();
        member(newcomer, Map.of("status", "ACTIVE", "workerType", "DELIVERY_RIDER", "gender", "FEMALE",
                "organizationId", org.unionId(), "orgPath", org.unionPath(),
                "joinedOn", LocalDate.now().minusDays(3).toString()));
        String suspended = "s-" + org.unionId();
        member(suspended, Map.of("status", "SUSPENDED", "workerType", "DELIVERY_RIDER", "gender", "FEMALE",
                "organizationId", org.unionId(), "orgPath", org.unionPath(), "joinedOn", "2020-01-01"));

        HttpAnswer male = issue(programId, officer, UUID.randomUUID().toString(), Map.of("memberId", man));
        HttpAnswer tooNew = issue(programId, officer, UUID.randomUUID().toString(), Map.of("memberId", newcomer));
        HttpAnswer notActive = issue(programId, officer, UUID.randomUUID().toString(), Map.of("memberId", suspended));

        assertThat(male.status()).isEqualTo(422);
        assertThat(male.headers().allValues("content-type")).anySatisfy(v -> assertThat(v).contains("application/problem+json"));
        assertThat(male.json().get("rule").asString()).isEqualTo("gender");
        assertThat(tooNew.json().get("rule").asString()).isEqualTo("membership-days");
        assertThat(notActive.json().get("rule").asString()).isEqualTo("member-status");
        assertThat(program(programId, officer).get("availableFen").asLong()).isEqualTo(100_000L);
    }

    @Test
    void membershipUnreachableAnswers503AndLeavesBudgetAndKeyUntouched() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, moneyProgram(org, "慰问金 降级", 100_000L, 10_000L));
        String memberId = "down-" + org.unionId();
        MEMBERSHIP.stubFor(WireMock.get(urlPathEqualTo("/api/members/" + memberId + "/eligibility"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String key = UUID.randomUUID().toString();

        HttpAnswer down = issue(programId, officer, key, Map.of("memberId", memberId));

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json().get("service").asString()).isEqualTo("membership-service");
        assertThat(down.body()).doesNotContain("Exception").doesNotContain("feign");
        var program = program(programId, officer);
        assertThat(program.get("availableFen").asLong()).isEqualTo(100_000L);
        assertThat(program.get("reservedFen").asLong()).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("programId").is(programId)), Grant.class)).isZero();

        // Membership is back: the same key now issues (the failed attempt did not use it up).
        member(memberId, org.unionId(), org.unionPath());
        HttpAnswer retried = issue(programId, officer, key, Map.of("memberId", memberId));
        assertThat(retried.status()).isEqualTo(201);
        MEMBERSHIP.verify(getRequestedFor(urlPathEqualTo("/api/members/" + memberId + "/eligibility"))
                .withHeader("Authorization", equalTo("Bearer benefits-service-token")));
    }

    @Test
    void outOfScopeOfficerGets404ForTheProgramAndForAMemberOutsideTheSubtree() {
        Org org = newOrg();
        Org other = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, moneyProgram(org, "慰问金 范围", 100_000L, 10_000L));
        String stranger = "x-" + other.unionId();
        member(stranger, other.unionId(), other.unionPath());
        String local = "l-" + org.unionId();
        member(local, org.unionId(), org.unionPath());

        HttpAnswer foreignOfficer = issue(programId, TestTokens.benefitOfficer(other.districtPath()),
                UUID.randomUUID().toString(), Map.of("memberId", local));
        HttpAnswer foreignMember = issue(programId, officer, UUID.randomUUID().toString(), Map.of("memberId", stranger));
        HttpAnswer organizer = issue(programId, TestTokens.organizer(org.districtPath()), UUID.randomUUID().toString(),
                Map.of("memberId", local));

        assertThat(foreignOfficer.status()).isEqualTo(404);
        assertThat(foreignMember.status()).isEqualTo(404);
        assertThat(foreignMember.json().get("resource").asString()).isEqualTo("Member");
        assertThat(organizer.status()).isEqualTo(403);
        assertThat(program(programId, officer).get("availableFen").asLong()).isEqualTo(100_000L);
    }

    @Test
    void idempotencyKeyIsRequiredAndBoundToTheFirstRequest() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, moneyProgram(org, "困难补助 幂等", 100_000L, 10_000L));
        String memberId = "k-" + org.unionId();
        member(memberId, org.unionId(), org.unionPath());
        String key = UUID.randomUUID().toString();

        HttpAnswer missing = issue(programId, officer, null, Map.of("memberId", memberId));
        HttpAnswer first = issue(programId, officer, key, Map.of("memberId", memberId, "amountFen", 5_000));
        HttpAnswer otherBody = issue(programId, officer, key, Map.of("memberId", memberId, "amountFen", 6_000));
        HttpAnswer again = issue(programId, officer, key, Map.of("memberId", memberId, "amountFen", 5_000));
        HttpAnswer limit = issue(programId, officer, UUID.randomUUID().toString(), Map.of("memberId", memberId));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("amountFen").asLong()).isEqualTo(5_000L);
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().get("rule").asString()).isEqualTo("idempotency-key-reused");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(limit.status()).isEqualTo(409);
        assertThat(limit.json().get("reason").asString()).isEqualTo("member-limit-reached");
        assertThat(program(programId, officer).get("spentFen").asLong()).isEqualTo(5_000L);
    }

    @Test
    void revokingReturnsBudgetOnceAndFreesTheMembersLimit() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, moneyProgram(org, "慰问金 撤销", 20_000L, 10_000L));
        String memberId = "r-" + org.unionId();
        member(memberId, org.unionId(), org.unionPath());
        String grantId = issue(programId, officer, UUID.randomUUID().toString(), Map.of("memberId", memberId))
                .json().get("id").asString();

        HttpAnswer revoked = post("/api/benefits/grants/" + grantId + "/revocation", officer, Map.of("reason", "发错人"));
        HttpAnswer twice = post("/api/benefits/grants/" + grantId + "/revocation", officer, Map.of("reason", "再撤一次"));

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(twice.status()).isEqualTo(422);
        var program = program(programId, officer);
        assertThat(program.get("availableFen").asLong()).isEqualTo(20_000L);
        assertThat(program.get("spentFen").asLong()).isZero();
        assertThat(issue(programId, officer, UUID.randomUUID().toString(), Map.of("memberId", memberId)).status())
                .isEqualTo(201);
    }

    @Test
    void reservationOfAnIssuanceThatDiedBeforeItsGrantIsReleasedAndCanNeverComplete() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, moneyProgram(org, "慰问金 恢复", 10_000L, 10_000L));
        String memberId = "crash-" + org.unionId();
        member(memberId, org.unionId(), org.unionPath());
        // What a crash right after step 4 leaves: a slot and a reservation, no grant document.
        String deadGrant = UUID.randomUUID().toString();
        String slot = slots.take("program:" + programId + "|all|" + memberId, 1, deadGrant).orElseThrow();
        assertThat(ledger.reserve(programId, new Reservation(deadGrant, Reservation.GRANT, 10_000L, 0, slot,
                Instant.now()))).isTrue();
        assertThat(program(programId, officer).get("availableFen").asLong()).isZero();

        sweep.sweep(Instant.now().plusSeconds(1));

        var program = program(programId, officer);
        assertThat(program.get("availableFen").asLong()).isEqualTo(10_000L);
        assertThat(program.get("reservedFen").asLong()).isZero();
        assertThat(mongo.findById(deadGrant, Grant.class).status()).isEqualTo(GrantStatus.CANCELLED);
        // The member's slot came back with the budget: the member can now be served.
        HttpAnswer issued = issue(programId, officer, UUID.randomUUID().toString(), Map.of("memberId", memberId));
        assertThat(issued.status()).isEqualTo(201);
        assertThat(program(programId, officer).get("spentFen").asLong()).isEqualTo(10_000L);
    }
}
