package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;
import static org.unionplatform.e2e.UnionTree.expectProblem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;
import tools.jackson.databind.JsonNode;

/**
 * benefits-service as officers meet it, through the gateway: a benefit officer scoped to a city
 * federation opens a program with a budget and issues aid to real members exactly once per Idempotency-Key;
 * ineligible members and officers out of scope are refused as documented; with membership-service stopped nothing
 * is reserved or issued, and issuing works again once it is back; concurrent requests never overspend.
 *
 * <p>The tree lies in Shenzhen (440300); an officer of Guangzhou (440100) is the one out of scope. Each test opens
 * its own program, so the tests do not depend on their order.
 */
class BenefitsJourneyIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static UnionTree tree;
    private static HttpTestClient gateway;
    private static String organizer;
    private static String officer;
    private static String guangzhouOfficer;
    private static UnionTree.Org guangzhou;

    @BeforeAll
    static void buildTheTreeAndSignInItsStaff() {
        tree = UnionTree.build(new UnionTree.Divisions("440000", "广东省", "440300", "深圳市", "440305", "南山区"));
        gateway = tree.gateway;
        guangzhou = tree.create(tree.admin, "广州市总工会（" + tree.run + "）", "CITY_FEDERATION", "440100",
                tree.province.id());
        organizer = tree.staff("ORGANIZER", tree.city);
        officer = tree.staff("BENEFIT_OFFICER", tree.city);
        guangzhouOfficer = tree.staff("BENEFIT_OFFICER", guangzhou);
    }

    @Test
    void anOfficerIssuesABenefitOnceAndTheSameKeyReplaysTheSameGrant() {
        UnionTree.Member rider = tree.enrol(organizer, "DELIVERY_RIDER");
        String program = createProgram(officer, tree.city, 5 * 10_000L, 10_000L);
        String key = UUID.randomUUID().toString();
        expectProblem(issue(officer, program, key, rider.id()), 422, "program-open");

        String otherKey = UUID.randomUUID().toString();
        expect(tree.post("/api/benefits/programs/" + program + "/open", officer, null), 200);
        Issued first = send(officer, program, otherKey, rider.id(), null);
        JsonNode grant = expect(first.answer(), 201);
        assertThat(first.replayed()).isEqualTo("false");
        assertThat(grant.get("memberId").asString()).isEqualTo(rider.id());
        assertThat(grant.get("amountFen").asLong()).isEqualTo(10_000L);
        assertThat(grant.get("status").asString()).isEqualTo("GRANTED");

        Issued replay = send(officer, program, otherKey, rider.id(), null);
        assertThat(expect(replay.answer(), 201).get("id").asString()).isEqualTo(grant.get("id").asString());
        assertThat(replay.replayed()).isEqualTo("true");
        expectProblem(issue(officer, program, otherKey, rider.id(), "another body"), 422, "idempotency-key-reused");
        expectProblem(issue(officer, program, UUID.randomUUID().toString(), rider.id()), 409,
                "member-limit-reached");

        assertLedger(program, 40_000L, 0L, 10_000L);
        JsonNode grants = expect(gateway.get("/api/benefits/grants?programId=" + program, officer), 200);
        assertThat(grants.get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void anIneligibleMemberIsRefusedWithTheRuleThatFailed() {
        UnionTree.Member courier = tree.enrol(organizer, "COURIER");
        String program = openProgram(officer, tree.city, 5 * 10_000L, 10_000L);

        JsonNode problem = expectProblem(issue(officer, program, UUID.randomUUID().toString(), courier.id()), 422,
                "worker-type");
        assertThat(problem.get("detail").asString()).isNotBlank();
        expectProblem(issue(officer, program, UUID.randomUUID().toString(), "e2e-no-such-member-" + tree.run), 422,
                "member-known");
        assertLedger(program, 50_000L, 0L, 0L);
    }

    @Test
    void officersOutOfScopeGetNotFoundAndOtherRolesForbidden() {
        UnionTree.Member rider = tree.enrol(organizer, "DELIVERY_RIDER");
        String program = openProgram(officer, tree.city, 5 * 10_000L, 10_000L);

        expectProblem(gateway.get("/api/benefits/programs/" + program, guangzhouOfficer), 404, null);
        expectProblem(issue(guangzhouOfficer, program, UUID.randomUUID().toString(), rider.id()), 404, null);
        expectProblem(issue(organizer, program, UUID.randomUUID().toString(), rider.id()), 403, null);

        // Guangzhou's own program, for a member of Shenzhen: the member is not the officer's to serve.
        String theirs = openProgram(guangzhouOfficer, guangzhou, 5 * 10_000L, 10_000L);
        JsonNode member = expectProblem(issue(guangzhouOfficer, theirs, UUID.randomUUID().toString(), rider.id()),
                404, null);
        assertThat(member.get("detail").asString()).contains(rider.id());
        expectProblem(tree.post("/api/benefits/programs", guangzhouOfficer, program(tree.city, 10_000L, 10_000L)),
                404, null);

        assertLedger(program, 50_000L, 0L, 0L);
        assertLedger(theirs, guangzhouOfficer, 50_000L, 0L, 0L);
    }

    @Test
    void withMembershipServiceStoppedIssuingAnswers503AndReservesNothingThenAllWorksAgain() {
        UnionTree.Member rider = tree.enrol(organizer, "DELIVERY_RIDER");
        String program = openProgram(officer, tree.city, 5 * 10_000L, 10_000L);
        String welcomePacks = openWelcomePacks();
        String key = UUID.randomUUID().toString();

        tree.platform.stop("membership-service");
        try {
            JsonNode problem = expectProblem(issue(officer, program, key, rider.id()), 503, null);
            assertThat(problem.get("service").asString()).isEqualTo("membership-service");
            assertLedger(program, 50_000L, 0L, 0L);
            assertThat(expect(gateway.get("/api/benefits/grants?programId=" + program, officer), 200).get("totalItems")
                    .asLong()).isZero();
        } finally {
            tree.platform.restart("membership-service");
        }

        // The same key again, as a client retries a 503: the key was released, so this issues the grant.
        JsonNode grant = await("issuing works again").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> issue(officer, program, key, rider.id()),
                        answer -> answer.status() != 503).json();
        assertThat(grant.get("memberId").asString()).isEqualTo(rider.id());
        assertThat(grant.get("status").asString()).isEqualTo("GRANTED");
        assertLedger(program, 40_000L, 0L, 10_000L);

        // Events still flow after the restart: a worker who joins now gets a welcome pack (membership.approved).
        UnionTree.Member newcomer = tree.enrol(organizer, "COURIER");
        await("a welcome pack for the newcomer").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> expect(gateway.get("/api/benefits/grants?programId=" + welcomePacks + "&memberId="
                        + newcomer.id(), officer), 200).get("totalItems").asLong() == 1);
    }

    @Test
    void twentyConcurrentRequestsAgainstABudgetForSevenGiveExactlySevenGrants() throws Exception {
        List<UnionTree.Member> riders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            riders.add(tree.enrol(organizer, "DELIVERY_RIDER"));
        }
        String program = openProgram(officer, tree.city, 7 * 1_000L, 1_000L);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpAnswer>> answers = new ArrayList<>();
        try (ExecutorService officers = Executors.newFixedThreadPool(riders.size())) {
            for (UnionTree.Member rider : riders) {
                String key = UUID.randomUUID().toString();
                answers.add(officers.submit(() -> {
                    start.await();
                    return issueRetryingWhileUnavailable(program, key, rider.id());
                }));
            }
            start.countDown();
        }

        List<String> granted = new ArrayList<>();
        int exhausted = 0;
        for (Future<HttpAnswer> future : answers) {
            HttpAnswer answer = future.get();
            if (answer.status() == 201) {
                granted.add(answer.json().get("memberId").asString());
            } else {
                expectProblem(answer, 409, "budget-exhausted");
                exhausted++;
            }
        }
        assertThat(granted).hasSize(7).doesNotHaveDuplicates();
        assertThat(exhausted).isEqualTo(13);
        assertLedger(program, 0L, 0L, 7_000L);
        assertThat(expect(gateway.get("/api/benefits/grants?programId=" + program + "&size=100", officer), 200)
                .get("totalItems").asLong()).isEqualTo(7);
    }

    // ---- the journey's means ----

    private static Map<String, Object> program(UnionTree.Org owner, long budgetFen, long amountPerGrantFen) {
        LocalDate today = LocalDate.now(BEIJING);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "骑手困难帮扶（" + tree.run + "）");
        body.put("kind", "HARDSHIP_GRANT");
        body.put("organizationId", owner.id());
        body.put("orgPath", owner.path());
        body.put("startsOn", today.minusDays(1).toString());
        body.put("endsOn", today.plusDays(30).toString());
        body.put("budgetFen", budgetFen);
        body.put("amountPerGrantFen", amountPerGrantFen);
        body.put("eligibility", Map.of("workerTypes", List.of("DELIVERY_RIDER")));
        return body;
    }

    /** Welcome packs for members joining this run's union (the most specific program wins: only this one). */
    private static String openWelcomePacks() {
        LocalDate today = LocalDate.now(BEIJING);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "入会礼包（" + tree.run + "）");
        body.put("kind", "WELCOME_PACK");
        body.put("organizationId", tree.union.id());
        body.put("orgPath", tree.union.path());
        body.put("startsOn", today.minusDays(1).toString());
        body.put("endsOn", today.plusDays(30).toString());
        body.put("stock", 100);
        body.put("itemName", "入会礼包");
        String id = expect(tree.post("/api/benefits/programs", officer, body), 201).get("id").asString();
        expect(tree.post("/api/benefits/programs/" + id + "/open", officer, null), 200);
        return id;
    }

    private static String createProgram(String token, UnionTree.Org owner, long budgetFen, long amountPerGrantFen) {
        JsonNode created = expect(tree.post("/api/benefits/programs", token, program(owner, budgetFen,
                amountPerGrantFen)), 201);
        assertThat(created.get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.get("availableFen").asLong()).isEqualTo(budgetFen);
        return created.get("id").asString();
    }

    private static String openProgram(String token, UnionTree.Org owner, long budgetFen, long amountPerGrantFen) {
        String id = createProgram(token, owner, budgetFen, amountPerGrantFen);
        assertThat(expect(tree.post("/api/benefits/programs/" + id + "/open", token, null), 200).get("status")
                .asString()).isEqualTo("OPEN");
        return id;
    }

    private static void assertLedger(String program, long available, long reserved, long spent) {
        assertLedger(program, officer, available, reserved, spent);
    }

    /** budget = available + reserved + spent, and each figure exactly as expected. */
    private static void assertLedger(String program, String token, long available, long reserved, long spent) {
        JsonNode read = expect(gateway.get("/api/benefits/programs/" + program, token), 200);
        assertThat(read.get("availableFen").asLong()).as("available").isEqualTo(available);
        assertThat(read.get("reservedFen").asLong()).as("reserved").isEqualTo(reserved);
        assertThat(read.get("spentFen").asLong()).as("spent").isEqualTo(spent);
        assertThat(read.get("budgetFen").asLong()).isEqualTo(available + reserved + spent);
    }

    /** A client that retries a 503 with the same key (which the service released), as the docs invite. */
    private static HttpAnswer issueRetryingWhileUnavailable(String program, String key, String memberId) {
        return await("an answer other than 503").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .pollDelay(Duration.ZERO).until(() -> issue(officer, program, key, memberId),
                        answer -> answer.status() != 503);
    }

    /** An answer with its Idempotent-Replayed header. */
    record Issued(HttpAnswer answer, String replayed) {
    }

    private static HttpAnswer issue(String token, String program, String key, String memberId) {
        return send(token, program, key, memberId, null).answer();
    }

    private static HttpAnswer issue(String token, String program, String key, String memberId, String note) {
        return send(token, program, key, memberId, note).answer();
    }

    private static Issued send(String token, String program, String key, String memberId, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", memberId);
        if (note != null) {
            body.put("note", note);
        }
        HttpAnswer answer = gateway.request("POST", "/api/benefits/programs/" + program + "/grants").token(token)
                .idempotencyKey(key).json(body).send();
        return new Issued(answer, answer.header("Idempotent-Replayed").orElse(null));
    }
}
