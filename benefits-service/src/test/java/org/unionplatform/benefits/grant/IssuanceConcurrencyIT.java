package org.unionplatform.benefits.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.unionplatform.benefits.BenefitsIT;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;

/**
 * Budget, per-member limit and Idempotency-Key under concurrency. Outcomes are deterministic however the requests
 * interleave: the counts are asserted, never the timing. Concurrency is bounded (at most 50 requests in flight).
 */
class IssuanceConcurrencyIT extends BenefitsIT {

    private static final int IN_FLIGHT = 50;

    @Test
    void hundredConcurrentRequestsAgainstABudgetForThirtySevenIssueExactlyThirtySeven() throws Exception {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, moneyProgram(org, "慰问金 并发", 37 * 50_000L, 50_000L));
        String prefix = "c37-" + org.unionId() + "-";
        members(prefix, org.unionId(), org.unionPath());

        List<HttpAnswer> replies = concurrently(100, i -> issue(programId, officer, UUID.randomUUID().toString(),
                Map.of("memberId", prefix + i)));

        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(37);
        assertThat(replies).filteredOn(r -> r.status() == 409).hasSize(63)
                .allSatisfy(r -> assertThat(r.json().get("reason").asString()).isEqualTo("budget-exhausted"));
        var program = program(programId, officer);
        assertThat(program.get("availableFen").asLong()).isZero();
        assertThat(program.get("reservedFen").asLong()).isZero();
        assertThat(program.get("spentFen").asLong()).isEqualTo(37 * 50_000L);
        assertThat(grantCount(programId)).isEqualTo(37);
    }

    @Test
    void thousandRequestsFromSixHundredMembersAgainstABudgetOfThreeHundredIssueThreeHundredOnePerMember()
            throws Exception {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, moneyProgram(org, "困难补助金 并发", 300 * 20_000L, 20_000L));
        String prefix = "c300-" + org.unionId() + "-";
        members(prefix, org.unionId(), org.unionPath());

        // 600 members; 400 of them ask twice (two officers clicking, different keys).
        List<HttpAnswer> replies = concurrently(1000, i -> issue(programId, officer, UUID.randomUUID().toString(),
                Map.of("memberId", prefix + (i % 600))));

        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(300);
        assertThat(replies).filteredOn(r -> r.status() == 409).hasSize(700)
                .allSatisfy(r -> assertThat(r.json().get("reason").asString())
                        .isIn("budget-exhausted", "member-limit-reached"));
        var program = program(programId, officer);
        assertThat(program.get("availableFen").asLong()).isZero();
        assertThat(program.get("spentFen").asLong()).isEqualTo(300 * 20_000L);
        List<Grant> grants = mongo.find(Query.query(Criteria.where("programId").is(programId)
                .and("status").is(GrantStatus.GRANTED)), Grant.class);
        assertThat(grants).hasSize(300);
        assertThat(grants.stream().map(Grant::memberId).distinct()).hasSize(300);
    }

    @Test
    void oneIdempotencyKeySentTenTimesConcurrentlyIssuesOneGrantAndTheRepliesAgree() throws Exception {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, moneyProgram(org, "慰问金 幂等", 10 * 50_000L, 50_000L));
        String memberId = "idem-" + org.unionId();
        member(memberId, org.unionId(), org.unionPath());
        String key = UUID.randomUUID().toString();

        List<HttpAnswer> replies = concurrently(10, i -> issue(programId, officer, key, Map.of("memberId", memberId)));

        List<HttpAnswer> issued = replies.stream().filter(r -> r.status() == 201).toList();
        assertThat(issued).isNotEmpty();
        assertThat(issued.stream().map(r -> r.json().get("id").asString()).distinct()).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 201).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.json().get("reason").asString()).isEqualTo("idempotency-key-in-progress");
        });
        // Once the first has finished, the key replays the very same grant.
        HttpAnswer replay = issue(programId, officer, key, Map.of("memberId", memberId));
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json()).isEqualTo(issued.getFirst().json());
        assertThat(replay.headers().allValues("idempotent-replayed")).containsExactly("true");
        assertThat(grantCount(programId)).isEqualTo(1);
        assertThat(program(programId, officer).get("spentFen").asLong()).isEqualTo(50_000L);
    }

    private long grantCount(String programId) {
        return mongo.count(Query.query(Criteria.where("programId").is(programId).and("status").is(GrantStatus.GRANTED)),
                Grant.class);
    }

    /** Runs n requests with at most IN_FLIGHT at a time, all released together; returns the replies in order. */
    private static List<HttpAnswer> concurrently(int n, IntFunction<HttpAnswer> request) throws Exception {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpAnswer>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    inFlight.acquire();
                    try {
                        return request.apply(index);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            start.countDown();
            List<HttpAnswer> replies = new ArrayList<>();
            for (Future<HttpAnswer> future : futures) {
                replies.add(future.get());
            }
            return replies;
        }
    }
}
