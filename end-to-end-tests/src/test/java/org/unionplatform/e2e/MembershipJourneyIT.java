package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;
import static org.unionplatform.e2e.MembershipFixture.expectFieldErrors;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.unionplatform.testsupport.http.HttpAnswer;
import tools.jackson.databind.JsonNode;

/**
 * Joining the union as a worker meets it: the public form without a token, dispatch to the union the
 * rule picks, the organizer's queue, approval with a card number, {@code membership.approved} on the bus, the
 * organisation's progress and the welcome pack that follow from it; bad forms answered with field errors; and
 * applications accepted while organization-service is away, dispatched when it is back with nobody's help.
 *
 * <p>The tree is in Gansu's Jiuquan (620900, Dunhuang 620982), with a platform union for this class's own
 * platform, so no other journey's organisations can win the dispatch. The test that stops organization-service
 * runs last: for a few seconds after its restart, dispatch may still wait behind an open circuit breaker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MembershipJourneyIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(30);
    /** Redispatch rounds run every 15 s with a per-application back-off doubling from 15 s: a few rounds' worth. */
    private static final Duration REDISPATCH = Duration.ofMinutes(3);

    private static MembershipFixture fixture;
    private static BusTap bus;
    private static String welcomeProgramId;

    @BeforeAll
    static void buildTheTreeATargetAndAWelcomePack() {
        fixture = new MembershipFixture("酒泉", "620000", "620900", "620982");
        expect(fixture.gateway.send("PUT", "/api/organizations/" + fixture.city.id() + "/targets/" + fixture.year,
                fixture.admin, UnionTree.json(Map.of("newMembers", Map.of(MembershipFixture.WORKER_TYPE, 10),
                        "unionsFounded", 1))), 200);

        LocalDate today = LocalDate.now(MembershipFixture.BEIJING);
        Map<String, Object> program = new LinkedHashMap<>();
        program.put("name", "酒泉新会员入会礼包（" + fixture.run + "）");
        program.put("kind", "WELCOME_PACK");
        program.put("organizationId", fixture.city.id());
        program.put("orgPath", fixture.city.path());
        program.put("startsOn", today.toString());
        program.put("endsOn", today.plusDays(60).toString());
        program.put("stock", 5);
        program.put("itemName", "入会礼包");
        welcomeProgramId = expect(fixture.post("/api/benefits/programs", fixture.officer, program), 201)
                .get("id").asString();
        expect(fixture.post("/api/benefits/programs/" + welcomeProgramId + "/open", fixture.officer, Map.of()),
                200);

        bus = new BusTap(fixture.platform.busExchange(), "membership.*");
    }

    @AfterAll
    static void removeTheTap() {
        if (bus != null) {
            bus.close();
        }
    }

    @Test
    @Order(1)
    void aWorkerAppliesWithoutATokenIsDispatchedApprovedAndAnnouncedAndTheUnionCountsThem() {
        long stockBefore = program().get("stockAvailable").asLong();
        MembershipFixture.Worker worker = fixture.newWorker();

        HttpAnswer submitted = fixture.apply(fixture.form(worker));
        JsonNode receipt = expect(submitted, 202);
        assertThat(receipt.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(submitted.body()).doesNotContain(worker.residentId()).doesNotContain(worker.phone());
        String applicationId = receipt.get("receiptCode").asString();
        JsonNode dispatched = fixture.awaitDispatched(applicationId, EVENTUAL);
        assertThat(dispatched.get("organizationName").asString()).isEqualTo(fixture.union.name());

        JsonNode queue = expect(fixture.gateway.get("/api/members/applications?status=PENDING_APPROVAL&size=200",
                fixture.organizer), 200);
        JsonNode queued = null;
        for (JsonNode item : queue.get("items")) {
            if (item.get("id").asString().equals(applicationId)) {
                queued = item;
            }
        }
        assertThat(queued).as("in the organizer's queue: " + queue).isNotNull();
        assertThat(queued.get("organizationId").asString()).isEqualTo(fixture.union.id());
        assertThat(queued.get("dispatchRule").asString()).isEqualTo("PLATFORM_UNION");
        assertThat(queued.get("residentId").asString()).isEqualTo(worker.residentId().substring(0, 3)
                + "*".repeat(11) + worker.residentId().substring(14));
        assertThat(queued.get("phone").asString()).isEqualTo(worker.phone().substring(0, 3) + "****"
                + worker.phone().substring(7));

        JsonNode approval = expect(fixture.gateway.post("/api/members/applications/" + applicationId + "/approval",
                fixture.organizer, null), 200);
        String memberId = approval.get("memberId").asString();
        String cardNumber = approval.get("cardNumber").asString();
        assertThat(cardNumber).matches("\\d{16}").startsWith(fixture.union.division()
                + String.valueOf(LocalDate.now(MembershipFixture.BEIJING).getYear()).substring(2));
        assertThat(luhnValid(cardNumber)).as("Luhn check digit of " + cardNumber).isTrue();
        assertThat(approval.get("qrToken").asString()).isNotBlank();

        JsonNode member = expect(fixture.gateway.get("/api/members/" + memberId, fixture.organizer), 200);
        assertThat(member.get("cardNumber").asString()).isEqualTo(cardNumber);
        assertThat(member.get("organizationId").asString()).isEqualTo(fixture.union.id());
        assertThat(member.get("status").asString()).isEqualTo("ACTIVE");

        BusTap.Received announced = bus.awaitFirst(EVENTUAL, message -> message.routingKey()
                .equals("membership.approved") && message.json().path("payload").path("memberId").asString()
                .equals(memberId));
        JsonNode payload = announced.json().get("payload");
        assertThat(payload.get("organizationId").asString()).isEqualTo(fixture.union.id());
        assertThat(payload.get("orgPath").asString()).isEqualTo(fixture.union.path());
        assertThat(payload.get("workerType").asString()).isEqualTo(MembershipFixture.WORKER_TYPE);
        assertThat(payload.get("channel").asString()).isEqualTo("APPLICATION");
        assertThat(announced.body()).doesNotContain(worker.residentId()).doesNotContain(worker.phone());

        String progress = "/api/organizations/%s/targets/" + fixture.year + "/progress";
        JsonNode counted = await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(300)).until(
                () -> expect(fixture.gateway.get(progress.formatted(fixture.city.id()), fixture.officer), 200),
                json -> json.get("organization").get("newMembersTotal").asLong() == 1);
        assertThat(counted.get("organization").get("newMembers").get(MembershipFixture.WORKER_TYPE).asLong())
                .isEqualTo(1);
        assertThat(counted.get("organization").get("completionPercent").get(MembershipFixture.WORKER_TYPE)
                .asDouble()).isEqualTo(10.0);
        assertThat(counted.get("children")).singleElement().satisfies(child -> {
            assertThat(child.get("organizationId").asString()).isEqualTo(fixture.district.id());
            assertThat(child.get("newMembersTotal").asLong()).isEqualTo(1);
        });
        assertThat(expect(fixture.gateway.get(progress.formatted(fixture.union.id()), fixture.organizer), 200)
                .get("organization").get("newMembersTotal").asLong()).isEqualTo(1);

        JsonNode packs = await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(300)).until(
                () -> expect(fixture.gateway.get("/api/benefits/grants?memberId=" + memberId, fixture.officer), 200),
                json -> json.get("items").size() > 0);
        assertThat(packs.get("items")).singleElement().satisfies(grant -> {
            assertThat(grant.get("programId").asString()).isEqualTo(welcomeProgramId);
            assertThat(grant.get("kind").asString()).isEqualTo("WELCOME_PACK");
            assertThat(grant.get("items").asLong()).isEqualTo(1);
        });
        assertThat(packs.get("totalItems").asLong()).isEqualTo(1);
        assertThat(program().get("stockAvailable").asLong()).isEqualTo(stockBefore - 1);

        // Applying again answers like any first application: the public answer never tells who is a member.
        HttpAnswer againAnswer = fixture.apply(fixture.form(worker));
        JsonNode again = expect(againAnswer, 202);
        assertThat(again.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(againAnswer.body()).doesNotContain(memberId).doesNotContain("ALREADY");
        assertThat(bus.received()).filteredOn(message -> message.body().contains(memberId)
                && message.routingKey().equals("membership.approved")).hasSize(1);
    }

    @Test
    @Order(2)
    void badResidentIdsPhonesAndWorkerTypesAreFieldErrorsThroughTheGateway() {
        MembershipFixture.Worker worker = fixture.newWorker();
        String id = worker.residentId();
        String wrongCheck = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        String region = worker.divisionCode();
        List<String> badIds = List.of(wrongCheck, impossibleDate(region, "19900230"),
                impossibleDate(region, "19901301"), impossibleDate(region, "20991231"), id.substring(0, 17),
                id.substring(0, 6) + "ABCDEFGH" + id.substring(14));
        for (String badId : badIds) {
            Map<String, Object> form = fixture.form(worker);
            form.put("residentId", badId);
            JsonNode problem = expectFieldErrors(fixture.apply(form), "residentId");
            assertThat(problem.toString()).as("the rejected value is never echoed").doesNotContain(badId);
        }
        for (String badPhone : List.of("1391234567", "139123456789", "12912345678", "0291234567", "139-1234-abcd")) {
            Map<String, Object> form = fixture.form(worker);
            form.put("phone", badPhone);
            expectFieldErrors(fixture.apply(form), "phone");
        }
        for (String unknownType : List.of("PILOT", "courier-ish", "")) {
            Map<String, Object> form = fixture.form(worker);
            form.put("workerType", unknownType);
            expectFieldErrors(fixture.apply(form), "workerType");
        }
        Map<String, Object> everythingWrong = fixture.form(worker);
        everythingWrong.put("residentId", wrongCheck);
        everythingWrong.put("phone", "12345");
        everythingWrong.put("workerType", "PILOT");
        expectFieldErrors(fixture.apply(everythingWrong), "residentId", "phone", "workerType");

        assertThat(expect(fixture.gateway.get("/api/members?size=200", fixture.organizer), 200).toString())
                .as("nobody was enrolled or queued by a rejected form").doesNotContain(worker.name());
        assertThat(expect(fixture.gateway.get("/api/members/applications?size=200", fixture.organizer), 200)
                .toString()).doesNotContain(worker.name());
    }

    @Test
    @Order(10)
    void withOrganizationServiceStoppedApplicationsWaitAndAreDispatchedWhenItIsBack() {
        List<MembershipFixture.Worker> workers = List.of(fixture.newWorker(), fixture.newWorker());
        List<String> applicationIds = new ArrayList<>();
        // Tokens were issued before: organization-service issues them, and it is about to go.
        fixture.platform.stop("organization-service");
        try {
            for (MembershipFixture.Worker worker : workers) {
                // The public answer is the same for everyone (a receipt code); where it waits shows to the staff.
                JsonNode receipt = expect(fixture.apply(fixture.form(worker)), 202);
                assertThat(receipt.get("status").asString()).isEqualTo("RECEIVED");
                assertThat(receipt.path("organizationName").isNull() || receipt.path("organizationName").isMissingNode())
                        .as(receipt.toString()).isTrue();
                applicationIds.add(receipt.get("receiptCode").asString());
            }
            JsonNode waiting = null;
            for (JsonNode item : expect(fixture.gateway.get("/api/members/applications?status=AWAITING_DISPATCH"
                    + "&size=200", fixture.admin), 200).get("items")) {
                if (item.get("id").asString().equals(applicationIds.get(0))) {
                    waiting = item;
                }
            }
            assertThat(waiting).as("the administrator sees what waits for dispatch").isNotNull();
            assertThat(waiting.get("dispatchProblem").asString()).contains("organization-service unavailable");
        } finally {
            fixture.platform.restart("organization-service");
        }

        for (String applicationId : applicationIds) {
            JsonNode dispatched = fixture.awaitDispatched(applicationId, REDISPATCH);
            assertThat(dispatched.get("organizationId").asString()).isEqualTo(fixture.union.id());
            assertThat(dispatched.get("dispatchRule").asString()).isEqualTo("PLATFORM_UNION");
        }
        JsonNode approval = expect(fixture.gateway.post("/api/members/applications/" + applicationIds.get(0)
                + "/approval", fixture.organizer, null), 200);
        assertThat(approval.get("cardNumber").asString()).matches("\\d{16}");
    }

    private static JsonNode program() {
        return expect(fixture.gateway.get("/api/benefits/programs/" + welcomeProgramId, fixture.officer), 200);
    }

    /** A number whose check character is right but whose birth date is not a date between 1900 and today. */
    private static String impossibleDate(String region, String yyyymmdd) {
        String first17 = region + yyyymmdd + "123";
        return first17 + MembershipFixture.checkCharacter(first17);
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
