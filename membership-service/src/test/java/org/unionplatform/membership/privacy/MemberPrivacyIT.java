package org.unionplatform.membership.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.unionplatform.common.audit.AuditOutcome;
import org.unionplatform.common.audit.AuditRecord;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.People;
import org.unionplatform.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/** A member's own rights: who read my data, a download of everything held about me, withdrawing. */
class MemberPrivacyIT extends MembershipIT {

    private static final String READS = "/api/members/me/personal-data-reads";
    private static final String EXPORT = "/api/members/me/export";

    @Test
    void aMemberSeesWhichRoleAndUnionReadTheirDataAndWhenButNotWho() {
        String memberId = approvedMember(People.residentId()).get("memberId").asString();
        String otherId = approvedMember(People.residentId()).get("memberId").asString();
        String organizer = TestTokens.organizer(SHOUQI_PATH);
        assertThat(httpGet("/api/members/" + memberId + "/personal-data", organizer).status()).isEqualTo(200);
        assertThat(httpGet("/api/members/" + otherId + "/personal-data", organizer).status()).isEqualTo(200);
        // An entry in the UPPER_SNAKE_CASE spelling with a typed target, as written before readers were recorded.
        mongo.insert(new AuditRecord(UUID.randomUUID().toString(), Instant.parse("2026-01-05T02:00:00Z"),
                "someone", "PERSONAL_DATA_READ", "member:" + memberId, null, AuditOutcome.SUCCESS, Map.of()));

        var response = httpGet(READS, TestTokens.member(memberId));

        assertThat(response.status()).isEqualTo(200);
        JsonNode reads = json(response);
        assertThat(reads.get("totalItems").asLong()).isEqualTo(2);
        JsonNode newest = reads.get("items").get(0);
        assertThat(newest.get("kind").asString()).isEqualTo("STAFF_READ");
        assertThat(newest.get("readerRoles").toString()).isEqualTo("[\"ORGANIZER\"]");
        assertThat(newest.get("organizationId").asString()).isEqualTo("shouqi-union");
        assertThat(newest.get("organizationName").asString()).isEqualTo("首汽约车西安分公司工会");
        assertThat(reads.get("items").get(1).get("at").asString()).isEqualTo("2026-01-05T02:00:00Z");
        assertThat(reads.get("items").get(1).get("readerRoles").isEmpty()).isTrue();
        assertThat(response.body()).doesNotContain("organizer-", "someone", otherId);
        assertThat(httpGet(READS, organizer).status()).isEqualTo(403);
        assertThat(httpGet(READS, null).status()).isEqualTo(401);
    }

    @Test
    void theDownloadHoldsEverythingAboutTheMemberInClearForThemAndIsAudited() {
        String residentId = People.residentId();
        JsonNode approval = approvedMember(residentId);
        String memberId = approval.get("memberId").asString();
        mongo.getCollection("timeline").insertOne(new Document("_id", "visit:v-" + memberId)
                .append("memberId", memberId).append("kind", "VISIT").append("at", java.util.Date.from(Instant.now()))
                .append("title", "驿站到访").append("placeName", "测试驿站"));

        var response = httpGet(EXPORT, TestTokens.member(memberId));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("filename*=UTF-8''");
        JsonNode export = json(response);
        assertThat(export.get("memberId").asString()).isEqualTo(memberId);
        assertThat(export.get("member").get("residentId").asString()).isEqualTo(residentId);
        assertThat(export.get("member").get("phone").asString()).matches("1\\d{10}");
        assertThat(export.get("member").get("cardNumber").asString()).isEqualTo(approval.get("cardNumber").asString());
        assertThat(export.get("applications")).hasSize(1);
        assertThat(export.get("applications").get(0).get("residentId").asString()).isEqualTo(residentId);
        assertThat(export.get("applications").get(0).get("status").asString()).isEqualTo("APPROVED");
        assertThat(export.get("timeline")).hasSize(1);
        assertThat(export.get("timeline").get(0).get("placeName").asString()).isEqualTo("测试驿站");
        assertThat(export.get("transfers")).isEmpty();
        assertThat(response.body()).doesNotContain("organizer-", "qrTokenHash", "lookupHash", "ciphertext");
        assertThat(mongo.count(Query.query(Criteria.where("action").is("MEMBER_DATA_EXPORTED")
                .and("target").is("member:" + memberId)), AuditRecord.class)).isEqualTo(1);
        JsonNode reads = json(httpGet(READS, TestTokens.member(memberId)));
        assertThat(reads.get("items").get(0).get("kind").asString()).isEqualTo("SELF_EXPORT");
        assertThat(httpGet(EXPORT, TestTokens.organizer(SHOUQI_PATH)).status()).isEqualTo(403);
        assertThat(httpGet(EXPORT, TestTokens.member("no-such-member")).status()).isEqualTo(404);
        assertThat(httpGet(EXPORT, null).status()).isEqualTo(401);
    }

    @Test
    void aMemberWithdrawsThemselvesOnlyOnceAndStillDownloadsTheirData() {
        String memberId = approvedMember(People.residentId()).get("memberId").asString();
        String otherId = approvedMember(People.residentId()).get("memberId").asString();
        String token = TestTokens.member(memberId);

        var withdrawn = httpPost("/api/members/" + memberId + "/withdrawal", token, "{\"reason\":\"换工作了\"}");
        var again = httpPost("/api/members/" + memberId + "/withdrawal", token, "{\"reason\":\"换工作了\"}");
        var someoneElse = httpPost("/api/members/" + otherId + "/withdrawal", token, "{\"reason\":\"x\"}");
        var noReason = httpPost("/api/members/" + otherId + "/withdrawal", TestTokens.member(otherId), "{}");

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(json(withdrawn).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(again.status()).isEqualTo(409);
        assertThat(someoneElse.status()).isEqualTo(404);
        assertThat(noReason.status()).isEqualTo(400);
        JsonNode export = json(httpGet(EXPORT, token));
        assertThat(export.get("member").get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(export.get("member").get("statusHistory").toString()).contains("换工作了");
    }
}
