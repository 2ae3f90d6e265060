package org.unionplatform.membership.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.People;
import org.unionplatform.membership.organization.KnownOrganization;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;
import org.unionplatform.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * Help cases through HTTP (docs/membership.md, "Help cases"): filing by a phone-verified worker and by a member,
 * where the case lands, who sees what (404 outside), attachments, the order of the steps and escalation.
 */
class HelpCaseIT extends MembershipIT {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    private static final String CASE_JSON = """
            {"kind":"UNPAID_PAY","company":"西安某配送服务有限公司","platform":"首汽约车","workerType":"RIDE_HAILING_DRIVER",
             "divisionCode":"610103","description":"十月份的工资一直没有发","contactName":"刘师傅","contactPhone":"%s",
             "howToReach":"晚上七点以后打电话"}""";

    @Autowired
    SentSignInCodes codes;

    @BeforeEach
    void xianIsACityFederation() {
        organizations.remember(new KnownOrganization("xian", "西安市总工会", XIAN, "610100", "CITY_FEDERATION"));
    }

    private String session(String phone) {
        httpPost("/api/members/help/codes", null, "{\"phone\":\"" + phone + "\"}").expect(202);
        String code = codes.toPhone(phone).getLast().code();
        return httpPost("/api/members/help/sessions", null,
                "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}").expect(200).get("helpToken").asString();
    }

    private HttpAnswer asWorker(String method, String path, String session, String body) {
        var request = HttpTestClient.local(port).request(method, path).header("X-Help-Session", session);
        return (body == null ? request : request.body("application/json", body)).send();
    }

    private String file(String session, String phone) {
        return asWorker("POST", "/api/members/help/my-cases", session, CASE_JSON.formatted(phone)).expect(201)
                .get("id").asString();
    }

    @Test
    void aWorkerWhoIsNoMemberFilesWithAVerifiedPhoneAndTheCaseReachesTheDispatchedUnionOnly() {
        String phone = People.phone();
        String session = session(phone);
        JsonNode filed = asWorker("POST", "/api/members/help/my-cases", session, CASE_JSON.formatted(phone))
                .expect(201);
        String id = filed.get("id").asString();
        assertThat(id).startsWith("WQ");
        assertThat(filed.get("organizationName").asString()).isEqualTo("首汽约车西安分公司工会");
        assertThat(filed.get("contactPhone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(filed.get("status").asString()).isEqualTo("FILED");

        String handler = TestTokens.organizer(SHOUQI_PATH);
        assertThat(httpGet("/api/members/help/cases?size=200", handler).body()).contains(id);
        assertThat(httpGet("/api/members/help/cases?status=FILED&size=200", handler).body()).contains(id);
        assertThat(httpGet("/api/members/help/cases?status=CLOSED&size=200", handler).body()).doesNotContain(id);
        JsonNode seen = httpGet("/api/members/help/cases/" + id, handler).expect(200);
        assertThat(seen.get("description").asString()).isEqualTo("十月份的工资一直没有发");
        assertThat(seen.get("contactPhone").asString()).doesNotContain(phone);
        assertThat(httpGet("/api/members/help/cases/" + id + "/contact", handler).expect(200).get("phone").asString())
                .isEqualTo(phone);

        String outsider = TestTokens.organizer(RONGCHENG_PATH);
        assertThat(httpGet("/api/members/help/cases/" + id, outsider).status()).isEqualTo(404);
        assertThat(httpGet("/api/members/help/cases/" + id + "/contact", outsider).status()).isEqualTo(404);
        assertThat(httpPost("/api/members/help/cases/" + id + "/acceptance", outsider, null).status()).isEqualTo(404);
        assertThat(httpGet("/api/members/help/cases?size=200", outsider).body()).doesNotContain(id);

        String someoneElse = session(People.phone());
        assertThat(asWorker("GET", "/api/members/help/my-cases/" + id, someoneElse, null).status()).isEqualTo(404);
        assertThat(asWorker("GET", "/api/members/help/my-cases", someoneElse, null).body()).doesNotContain(id);
        assertThat(httpGet("/api/members/help/my-cases/" + id, null).status()).isEqualTo(401);
        assertThat(asWorker("GET", "/api/members/help/my-cases/" + id, "forged-token", null).status()).isEqualTo(401);
        assertThat(asWorker("GET", "/api/members/help/my-cases", session, null).body()).contains(id);

        await().atMost(Duration.ofSeconds(20)).until(() -> events("help-case.opened").stream()
                .anyMatch(event -> id.equals(event.payload().get("caseId").asString())));
    }

    @Test
    void aWrongCodeStartsNoSessionAndAWorkerWhoIsNoMemberMustSayWhereTheyWork() {
        String phone = People.phone();
        httpPost("/api/members/help/codes", null, "{\"phone\":\"" + phone + "\"}").expect(202);
        String wrong = codes.toPhone(phone).getLast().code().equals("000000") ? "111111" : "000000";
        assertThat(httpPost("/api/members/help/sessions", null,
                "{\"phone\":\"" + phone + "\",\"code\":\"" + wrong + "\"}").status()).isEqualTo(401);
        String session = session(People.phone());
        asWorker("POST", "/api/members/help/my-cases", session, """
                {"kind":"OTHER","company":"某平台","description":"说不清","contactPhone":"13912345678"}""")
                .expectProblem(422, "divisionCode", "place-needed");
        asWorker("POST", "/api/members/help/my-cases", session, """
                {"kind":"NOT_A_KIND","company":"某平台","description":"x"}""").expect(400);
    }

    @Test
    void aMembersCaseLandsWithTheirUnionAndOnTheirTimeline() {
        String memberId = approvedMember(People.residentId()).get("memberId").asString();
        String token = TestTokens.member(memberId);
        JsonNode filed = json(httpPost("/api/members/help/my-cases", token, """
                {"kind":"ACCOUNT_BLOCKED","company":"首汽约车","description":"账号无故被封三天"}"""));
        assertThat(filed.get("organizationName").asString()).isEqualTo("首汽约车西安分公司工会");
        assertThat(filed.get("contactPhone").asString()).contains("****");
        String id = filed.get("id").asString();
        assertThat(httpGet("/api/members/help/my-cases", token).body()).contains(id);
        await().atMost(Duration.ofSeconds(20)).until(() -> httpGet("/api/members/" + memberId + "/timeline", token)
                .body().contains("维权求助：账号被封"));
    }

    @Test
    void attachmentsAreCheckedByTheirBytesAndSizeAndServedOnlyInScope() {
        String phone = People.phone();
        String session = session(phone);
        String id = file(session, phone);
        JsonNode withPhoto = upload(id, session, "工资条.jpg", JPEG).expect(201);
        String attachmentId = withPhoto.get("attachments").get(0).get("id").asString();
        assertThat(withPhoto.get("attachments").get(0).get("contentType").asString()).isEqualTo("image/jpeg");

        upload(id, session, "photo.jpg", "<html><script>alert(1)</script></html>".getBytes())
                .expectProblem(422, "file", "attachment-type");
        upload(id, session, "empty.jpg", new byte[0]).expectProblem(422, "file", "attachment-empty");
        byte[] large = Arrays.copyOf(JPEG, 64 * 1024 + 1);
        upload(id, session, "large.jpg", large).expectProblem(422, "file", "attachment-too-large");
        upload(id, session, "2.jpg", JPEG).expect(201);
        upload(id, session, "3.pdf", "%PDF-1.4 test".getBytes()).expect(201);
        upload(id, session, "4.jpg", JPEG).expectProblem(422, "file", "too-many-attachments");
        assertThat(upload(id, session(People.phone()), "x.jpg", JPEG).status()).isEqualTo(404);

        HttpAnswer download = httpGet("/api/members/help/cases/" + id + "/attachments/" + attachmentId,
                TestTokens.organizer(SHOUQI_PATH));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("image/jpeg");
        assertThat(download.bytes()).isEqualTo(JPEG);
        assertThat(asWorker("GET", "/api/members/help/my-cases/" + id + "/attachments/" + attachmentId, session,
                null).bytes()).isEqualTo(JPEG);
        assertThat(httpGet("/api/members/help/cases/" + id + "/attachments/" + attachmentId,
                TestTokens.organizer(RONGCHENG_PATH)).status()).isEqualTo(404);
        assertThat(asWorker("GET", "/api/members/help/my-cases/" + id + "/attachments/" + attachmentId,
                session(People.phone()), null).status()).isEqualTo(404);
    }

    private HttpAnswer upload(String id, String session, String name, byte[] bytes) {
        return HttpTestClient.local(port).request("POST", "/api/members/help/my-cases/" + id + "/attachments")
                .header("X-Help-Session", session).multipart("file", name, "image/jpeg", bytes).send();
    }

    @Test
    void theStepsGoInOrderTheWorkerSeesThemWithoutTheNotesAndTheClosingIsAnnounced() {
        String phone = People.phone();
        String session = session(phone);
        String id = file(session, phone);
        String handler = TestTokens.organizer(SHOUQI_PATH);
        String base = "/api/members/help/cases/" + id;

        assertThat(httpPost(base + "/mediation", handler, null).status()).isEqualTo(409);
        httpPost(base + "/acceptance", handler, null).expect(200);
        assertThat(httpPost(base + "/acceptance", handler, null).status()).isEqualTo(409);
        assertThat(httpPost(base + "/closing", handler, closing("RESOLVED", 0)).status()).isEqualTo(409);
        httpPost(base + "/investigation", handler, "{\"note\":\"调取了派单记录\"}").expect(200);
        assertThat(httpPost(base + "/meetings", handler, meeting(Instant.now().minusSeconds(600))).status())
                .isEqualTo(409);
        httpPost(base + "/notes", handler, "{\"text\":\"站长态度强硬，内部备注\"}").expect(201);
        httpPost(base + "/mediation", handler, null).expect(200);
        httpPost(base + "/closing", handler, closing("RESOLVED", 100)).expectProblem(422, null,
                "mediation-without-meeting");
        httpPost(base + "/meetings", handler, meeting(Instant.now().plusSeconds(86_400)))
                .expectProblem(422, "heldAt", "meeting-in-future");
        httpPost(base + "/meetings", handler, meeting(Instant.now().minusSeconds(600))).expect(201);
        asWorker("POST", "/api/members/help/my-cases/" + id + "/information", session,
                "{\"text\":\"还有十一月的一半没发\"}").expect(200);
        httpPost(base + "/closing", handler, closing("WITHDRAWN", 500)).expectProblem(422, "amountRecoveredFen",
                "amount-needs-resolution");
        JsonNode closed = httpPost(base + "/closing", handler, closing("RESOLVED", 456_000)).expect(200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("amountRecoveredFen").asLong()).isEqualTo(456_000);
        assertThat(httpPost(base + "/closing", handler, closing("RESOLVED", 0)).status()).isEqualTo(409);

        HttpAnswer mine = asWorker("GET", "/api/members/help/my-cases/" + id, session, null);
        JsonNode view = mine.expect(200);
        assertThat(mine.body()).doesNotContain("内部备注").doesNotContain("organizer");
        assertThat(view.get("steps").findValuesAsString("what")).contains("ACCEPTED", "INVESTIGATING", "MEDIATION",
                "INFORMATION_ADDED", "CLOSED:RESOLVED");
        assertThat(view.get("meetings").get(0).get("outcome").asString()).isEqualTo("同意下周补发全部工资");
        assertThat(view.get("additions").get(0).get("text").asString()).isEqualTo("还有十一月的一半没发");
        assertThat(asWorker("POST", "/api/members/help/my-cases/" + id + "/information", session,
                "{\"text\":\"再补充\"}").status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(20)).until(() -> events("help-case.closed").stream()
                .anyMatch(event -> id.equals(event.payload().get("caseId").asString())
                        && event.payload().get("amountRecoveredFen").asLong() == 456_000));
    }

    private static String closing(String outcome, long fen) {
        return "{\"outcome\":\"" + outcome + "\",\"amountRecoveredFen\":" + fen + ",\"summary\":\"公司同意补发\"}";
    }

    private static String meeting(Instant heldAt) {
        return "{\"heldAt\":\"" + heldAt + "\",\"counterparty\":\"西安某配送服务有限公司\",\"outcome\":\"同意下周补发全部工资\"}";
    }

    @Test
    void aCaseLeftFiledPastItsDeadlineIsEscalatedToTheFederationAboveAndReferredToLegalAid() {
        String phone = People.phone();
        String id = file(session(phone), phone);
        String city = TestTokens.organizer(XIAN);
        await().atMost(Duration.ofSeconds(30)).until(() -> httpGet("/api/members/help/cases?escalated=true&size=200",
                city).body().contains(id));
        JsonNode seen = httpGet("/api/members/help/cases/" + id, city).expect(200);
        assertThat(seen.get("escalation").get("organizationName").asString()).isEqualTo("西安市总工会");
        assertThat(seen.get("steps").findValuesAsString("what")).contains("ESCALATED");
        assertThat(httpGet("/api/members/help/cases?escalated=true&size=200", TestTokens.organizer(SHOUQI_PATH))
                .body()).doesNotContain(id);

        JsonNode referred = httpPost("/api/members/help/cases/" + id + "/referral", TestTokens.organizer(SHOUQI_PATH),
                "{\"reason\":\"公司拒不支付，需要法律援助\"}").expect(200);
        assertThat(referred.get("referral").get("organizationName").asString()).isEqualTo("西安市总工会");
        httpPost("/api/members/help/cases/" + id + "/acceptance", TestTokens.organizer(SHOUQI_PATH), null).expect(200);
        assertThat(httpGet("/api/members/help/cases?escalated=true&size=200", city).body()).doesNotContain(id);
    }
}
