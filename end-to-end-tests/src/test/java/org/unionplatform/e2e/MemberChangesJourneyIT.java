package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;
import static org.unionplatform.e2e.UnionTree.organisation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.http.HttpAnswer;
import tools.jackson.databind.JsonNode;

/**
 * A member record that changes, through the gateway: a new phone proven by a code sent to it (then sign-in with the
 * new phone and not the old), joining again after withdrawing (same member id and card), and a transfer to another
 * platform's union that moves the member only with their own consent, tells the sending union and carries the new
 * platform and place.
 *
 * <p>The tree is in Qinghai's Xining (630100): the fixture's platform union in Chengdong (630102) and a second
 * platform union, for another platform, in Chengzhong (630103) under the city; each union has its own organizer.
 */
class MemberChangesJourneyIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    private static MembershipFixture fixture;
    private static SmsLog sms;
    private static BusTap bus;
    private static MembershipFixture.Org otherUnion;
    private static String otherPlatform;
    private static String sendingOrganizer;
    private static String receivingOrganizer;

    @BeforeAll
    static void twoPlatformUnionsWithAnOrganizerEach() {
        fixture = new MembershipFixture("西宁", "630000", "630100", "630102");
        sms = new SmsLog(fixture.platform);
        otherPlatform = "e2e-other-platform-" + fixture.run;
        Map<String, Object> body = organisation("城中区网约车司机工会（" + fixture.run + "）", "PLATFORM_UNION", "630103",
                fixture.city.id(), MembershipFixture.WORKER_TYPE);
        body.put("platforms", List.of(otherPlatform));
        JsonNode created = expect(fixture.post("/api/organizations", fixture.organizer, body), 201);
        otherUnion = new MembershipFixture.Org(created.get("id").asString(), created.get("orgPath").asString(),
                created.get("name").asString(), "630103");
        sendingOrganizer = fixture.staff("ORGANIZER", fixture.union);
        receivingOrganizer = fixture.staff("ORGANIZER", otherUnion);
        bus = new BusTap(fixture.platform.busExchange(), "membership.*");
    }

    @AfterAll
    static void removeTheTap() {
        if (bus != null) {
            bus.close();
        }
    }

    @Test
    void aMemberChangesTheirPhoneWithACodeToTheNewPhoneThenSignsInWithTheNewPhoneAndNotTheOld() {
        MembershipFixture.Worker worker = fixture.newWorker();
        JsonNode approval = fixture.enrol(worker);
        String memberId = approval.get("memberId").asString();
        String card = approval.get("cardNumber").asString();
        String token = signInByCard(card);
        String newPhone = fixture.newWorker().phone();

        String code = sms.codeAfter(SmsLog.forPhone(newPhone), () -> expect(fixture.post("/api/members/me/phone/codes",
                token, Map.of("phone", newPhone)), 202));
        JsonNode changed = expect(fixture.post("/api/members/me/phone", token, Map.of("phone", newPhone, "code", code)),
                200);

        assertThat(changed.get("phone").asString()).isEqualTo(SmsLog.masked(newPhone));
        assertThat(signInByPhone(newPhone, card)).as("the new phone signs in").isNotBlank();
        long codesToCard = sms.codes(SmsLog.forCard(card)).size();
        expect(fixture.gateway.from(java.net.InetAddress.getLoopbackAddress()).post(
                "/api/members/sign-in/phone/codes", null, Map.of("phone", worker.phone())), 202);
        await().atMost(EVENTUAL).until(() -> expect(fixture.gateway.get(
                "/api/members/audit?action=MEMBER_SIGN_IN_CODE_NOT_ISSUED&target=phone:"
                        + SmsLog.masked(worker.phone()), fixture.admin), 200).get("totalItems").asLong() == 1);
        assertThat(sms.codes(SmsLog.forCard(card))).as("the old phone gets no sign-in code").hasSize((int) codesToCard);

        JsonNode history = expect(fixture.gateway.get("/api/members/" + memberId + "/contact-history", token), 200);
        assertThat(history).singleElement().satisfies(change -> {
            assertThat(change.get("before").asString()).isEqualTo(SmsLog.masked(worker.phone()));
            assertThat(change.get("after").asString()).isEqualTo(SmsLog.masked(newPhone));
            assertThat(change.get("changedBy").asString()).isEqualTo("MEMBER");
        });
        JsonNode staffView = expect(fixture.gateway.get("/api/members/" + memberId + "/contact-history",
                sendingOrganizer), 200);
        assertThat(staffView).hasSize(1);
        JsonNode audit = expect(fixture.gateway.get("/api/members/audit?action=MEMBER_PHONE_CHANGED&target=member:"
                + memberId, fixture.admin), 200);
        assertThat(audit.get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void aWithdrawnMemberAppliesAgainIsApprovedAndKeepsTheirMemberIdAndCard() {
        MembershipFixture.Worker worker = fixture.newWorker();
        JsonNode first = fixture.enrol(worker);
        String memberId = first.get("memberId").asString();
        String token = signInByPhone(worker.phone(), first.get("cardNumber").asString());
        expect(fixture.post("/api/members/" + memberId + "/withdrawal", token, Map.of("reason", "回老家了")), 200);

        JsonNode again = fixture.enrol(worker);

        assertThat(again.get("memberId").asString()).isEqualTo(memberId);
        assertThat(again.get("cardNumber").asString()).isEqualTo(first.get("cardNumber").asString());
        JsonNode member = expect(fixture.gateway.get("/api/members/" + memberId, sendingOrganizer), 200);
        assertThat(member.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(member.get("statusHistory")).extracting(change -> change.get("status").asString())
                .containsExactly("ACTIVE", "WITHDRAWN", "ACTIVE");
        bus.awaitCount(EVENTUAL, 1, message -> message.routingKey().equals("membership.approved")
                && message.json().get("payload").get("memberId").asString().equals(memberId)
                && message.json().get("payload").get("channel").asString().equals("REJOIN"));
    }

    @Test
    void aTransferMovesTheMemberOnlyWithTheirConsentTellsTheSendingUnionAndCarriesPlatformAndPlace() {
        MembershipFixture.Worker worker = fixture.newWorker();
        JsonNode approval = fixture.enrol(worker);
        String memberId = approval.get("memberId").asString();
        Map<String, Object> request = Map.of("toOrganizationId", otherUnion.id(), "reason", "改在另一平台接单",
                "platform", otherPlatform, "divisionCode", "630103");

        // The receiving union asks (it may take anyone, anywhere, only with the member's yes); until
        // membership-service has heard of the new union it is unknown there.
        HttpAnswer asked = await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(500)).until(
                () -> fixture.post("/api/members/" + memberId + "/transfers", receivingOrganizer, request),
                answer -> answer.status() != 404 && answer.status() != 422);
        JsonNode transfer = expect(asked, 201);
        String transferId = transfer.get("id").asString();
        assertThat(transfer.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(transfer.get("expiresAt").asString()).isNotBlank();
        assertThat(expect(fixture.gateway.get("/api/members/" + memberId, sendingOrganizer), 200).get("orgPath")
                .asString()).as("nobody moves without their consent").isEqualTo(fixture.union.path());

        var notice = bus.awaitCount(EVENTUAL, 1, message -> message.routingKey()
                .equals("membership.transfer-requested")
                && message.json().get("payload").get("transferId").asString().equals(transferId));
        assertThat(notice.getFirst().json().get("payload").get("fromOrganizationId").asString())
                .isEqualTo(fixture.union.id());
        JsonNode sendingSees = expect(fixture.gateway.get("/api/members/transfers", sendingOrganizer), 200);
        assertThat(sendingSees.get("items")).anySatisfy(t -> assertThat(t.get("id").asString()).isEqualTo(transferId));

        String token = signInByPhone(worker.phone(), approval.get("cardNumber").asString());
        JsonNode waiting = expect(fixture.gateway.get("/api/members/me/transfers", token), 200).get("items");
        assertThat(waiting).singleElement().satisfies(t -> assertThat(t.get("id").asString()).isEqualTo(transferId));
        JsonNode done = expect(fixture.post("/api/members/me/transfers/" + transferId + "/consent", token, null), 200);

        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        JsonNode moved = expect(fixture.gateway.get("/api/members/me", token), 200);
        assertThat(moved.get("organizationId").asString()).isEqualTo(otherUnion.id());
        assertThat(moved.get("platform").asString()).isEqualTo(otherPlatform);
        assertThat(moved.get("divisionCode").asString()).isEqualTo("630103");
        var transferred = bus.awaitCount(EVENTUAL, 1, message -> message.routingKey().equals("membership.transferred")
                && message.json().get("payload").get("memberId").asString().equals(memberId));
        assertThat(transferred.getFirst().json().get("payload").get("platform").asString()).isEqualTo(otherPlatform);
        expect(fixture.gateway.get("/api/members/" + memberId, receivingOrganizer), 200);
        expect(fixture.gateway.get("/api/members/" + memberId, sendingOrganizer), 404);
    }

    /** Card sign-in: a code to the phone on the card's record, then a token. */
    private static String signInByCard(String card) {
        var client = fixture.gateway.from(java.net.InetAddress.getLoopbackAddress());
        String code = sms.codeAfter(SmsLog.forCard(card), () -> expect(client.post("/api/members/sign-in/codes",
                null, Map.of("cardNumber", card)), 202));
        return expect(client.post("/api/members/sign-in/token", null, Map.of("cardNumber", card, "code", code)), 200)
                .get("accessToken").asString();
    }

    /** Phone sign-in as the member does it: a code to the phone (read from the development SMS log), then a token. */
    private static String signInByPhone(String phone, String card) {
        var client = fixture.gateway.from(java.net.InetAddress.getLoopbackAddress());
        String code = sms.codeAfter(SmsLog.forCard(card), () -> expect(client.post("/api/members/sign-in/phone/codes",
                null, Map.of("phone", phone)), 202));
        return expect(client.post("/api/members/sign-in/phone/token", null, Map.of("phone", phone, "code", code)), 200)
                .get("accessToken").asString();
    }
}
