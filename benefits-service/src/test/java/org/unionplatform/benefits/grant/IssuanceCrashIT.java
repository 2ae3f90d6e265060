package org.unionplatform.benefits.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;
import org.unionplatform.benefits.BenefitsIT;
import org.unionplatform.benefits.StepCrashes.ArmedStepFaults;
import org.unionplatform.benefits.StepCrashes.MovableClock;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.common.audit.AuditRecord;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

/**
 * Issuing and revoking stopped at every step (docs/benefits.md, "Crash points"), then retried with the same
 * Idempotency-Key and swept: one grant, budget, slot and audit exact, and the key answers that one grant ever after.
 */
class IssuanceCrashIT extends BenefitsIT {

    private static final long PER_GRANT = 50_000L;
    private static final long BUDGET = 3 * PER_GRANT;
    /** Past the 30 s issuance lease of application.yml. */
    private static final Duration PAST_LEASE = Duration.ofSeconds(31);

    @Autowired
    ArmedStepFaults faults;
    @Autowired
    MovableClock clock;
    @Autowired
    RecoverySweep sweep;

    @AfterEach
    void calm() {
        faults.disarm();
        clock.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"issue.after-slot", "issue.after-reserve", "issue.after-insert", "issue.after-audit",
            "issue.after-settle"})
    void aCrashAtAnyStepOfIssuingEndsWithOneGrantThatTheKeyAnswers(String point) {
        Fixture f = new Fixture();
        faults.crashAt(point);

        assertThat(f.issue().status()).isEqualTo(500);
        String committed = grantOf(f).map(Grant::id).orElse(null);

        clock.moveAhead(PAST_LEASE);
        HttpAnswer retry = f.issue();
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        String grantId = retry.json().get("id").asString();
        if (committed != null) {
            // Past the commit point the grant stands: the retry answers it rather than issuing another.
            assertThat(grantId).isEqualTo(committed);
            assertThat(retry.headers().allValues("idempotent-replayed")).containsExactly("true");
        }
        sweep.sweep(clock.instant());
        sweep.sweep(clock.instant());

        f.assertExactlyOneGrant(grantId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"issue.after-slot", "issue.after-reserve", "issue.after-insert", "issue.after-audit",
            "issue.after-settle"})
    void aCrashFinishedByTheSweepAloneLeavesTheKeyAnsweringTheSameOutcome(String point) {
        Fixture f = new Fixture();
        faults.crashAt(point);
        assertThat(f.issue().status()).isEqualTo(500);
        String committed = grantOf(f).map(Grant::id).orElse(null);

        clock.moveAhead(PAST_LEASE);
        sweep.sweep(clock.instant().minus(Duration.ofSeconds(30)));
        HttpAnswer retry = f.issue();

        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        if (committed != null) {
            assertThat(retry.json().get("id").asString()).isEqualTo(committed);
        }
        f.assertExactlyOneGrant(retry.json().get("id").asString());
    }

    /** The failure of the issue: settling or auditing failing after the insert lost the key, and a retry issued twice. */
    @ParameterizedTest
    @ValueSource(strings = {"issue.after-insert", "issue.after-audit", "issue.after-settle"})
    void aFailureAfterTheCommitPointKeepsTheKeyOnTheGrantAndTheRetryAnswersIt(String point) {
        Fixture f = new Fixture();
        faults.failAt(point);

        assertThat(f.issue().status()).isEqualTo(500);
        String committed = grantOf(f).orElseThrow().id();
        HttpAnswer retry = f.issue();

        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(committed);
        f.assertExactlyOneGrant(committed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"issue.after-slot", "issue.after-reserve"})
    void aFailureBeforeTheCommitPointGivesEverythingBackAtOnceAndFreesTheKey(String point) {
        Fixture f = new Fixture();
        faults.failAt(point);

        assertThat(f.issue().status()).isEqualTo(500);
        assertThat(grantOf(f)).isEmpty();
        var program = program(f.programId, f.officer);
        assertThat(program.get("availableFen").asLong()).isEqualTo(BUDGET);
        assertThat(program.get("reservedFen").asLong()).isZero();

        HttpAnswer retry = f.issue();
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        f.assertExactlyOneGrant(retry.json().get("id").asString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"revoke.after-save", "revoke.after-give-back"})
    void aCrashWhileRevokingIsFinishedByTheSweepOnce(String point) {
        Fixture f = new Fixture();
        HttpAnswer issued = f.issue();
        String grantId = issued.json().get("id").asString();
        faults.crashAt(point);

        assertThat(post("/api/benefits/grants/" + grantId + "/revocation", f.officer, Map.of("reason", "重复发放"))
                .status()).isEqualTo(500);
        assertThat(mongo.findById(grantId, Grant.class).status()).isEqualTo(GrantStatus.REVOKED);
        sweep.sweep(Instant.now().plusSeconds(1));
        sweep.sweep(Instant.now().plusSeconds(1));

        var program = program(f.programId, f.officer);
        assertThat(program.get("availableFen").asLong()).isEqualTo(BUDGET);
        assertThat(program.get("spentFen").asLong()).isZero();
        assertThat(audits("BENEFIT_REVOKED", grantId)).isEqualTo(1);
        HttpAnswer again = post("/api/benefits/grants/" + grantId + "/revocation", f.officer, Map.of("reason", "重复"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("rule").asString()).isEqualTo("grant-status");
        // The member's once-per-program slot is free again.
        assertThat(issue(f.programId, f.officer, UUID.randomUUID().toString(), Map.of("memberId", f.memberId)).status())
                .isEqualTo(201);
    }

    private java.util.Optional<Grant> grantOf(Fixture f) {
        return mongo.find(Query.query(where("programId").is(f.programId).and("status").is(GrantStatus.GRANTED)),
                Grant.class).stream().findFirst();
    }

    private long audits(String action, String grantId) {
        return mongo.count(Query.query(where("action").is(action).and("target").is("grant:" + grantId)),
                AuditRecord.class);
    }

    private final class Fixture {

        final Org org = newOrg();
        final String officer = TestTokens.benefitOfficer(org.districtPath());
        final String programId = openProgram(officer, moneyProgram(org, "慰问金 故障", BUDGET, PER_GRANT));
        final String memberId = "crash-" + org.unionId();
        final String key = UUID.randomUUID().toString();

        Fixture() {
            member(memberId, org.unionId(), org.unionPath());
        }

        HttpAnswer issue() {
            return IssuanceCrashIT.this.issue(programId, officer, key, Map.of("memberId", memberId));
        }

        void assertExactlyOneGrant(String grantId) {
            List<Grant> granted = mongo.find(Query.query(where("programId").is(programId)
                    .and("status").is(GrantStatus.GRANTED)), Grant.class);
            assertThat(granted).extracting(Grant::id).containsExactly(grantId);
            Program program = mongo.findById(programId, Program.class);
            assertThat(program.availableFen()).isEqualTo(BUDGET - PER_GRANT);
            assertThat(program.reservedFen()).isZero();
            assertThat(program.spentFen()).isEqualTo(PER_GRANT);
            assertThat(program.pending()).isEmpty();
            assertThat(audits("BENEFIT_GRANTED", grantId)).isEqualTo(1);
            assertThat(mongo.find(Query.query(where("grantId").is(grantId)), MemberSlot.class)).hasSize(1);
            HttpAnswer replay = issue();
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.json().get("id").asString()).isEqualTo(grantId);
            assertThat(replay.headers().allValues("idempotent-replayed")).containsExactly("true");
            // Once per program: the slot is held by that one grant.
            HttpAnswer another = IssuanceCrashIT.this
                    .issue(programId, officer, UUID.randomUUID().toString(), Map.of("memberId", memberId));
            assertThat(another.status()).isEqualTo(409);
            assertThat(another.json().get("reason").asString()).isEqualTo("member-limit-reached");
        }
    }
}
