package org.unionplatform.benefits.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.unionplatform.benefits.BenefitsIT;
import org.unionplatform.common.audit.AuditRecord;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

/** A gift pack open to all workers reaches a worker who is not a member: once per person, within stock. */
class WorkerGrantIT extends BenefitsIT {

    @Test
    void aWorkerWhoIsNotAMemberGetsOnePackAndTheListShowsThemMasked() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, giftPack(org, "夏送清凉 非会员", 10));
        String phone = newPhone();
        String key = UUID.randomUUID().toString();
        Map<String, Object> wang = Map.of("name", "王小明", "phone", phone, "workerType", "COURIER");

        HttpAnswer first = issueToWorker(programId, officer, key, wang);
        HttpAnswer replayed = issueToWorker(programId, officer, key, wang);
        HttpAnswer again = issueToWorker(programId, officer, UUID.randomUUID().toString(),
                Map.of("name", "王小明", "phone", "+86 " + phone, "workerType", "COURIER"));

        assertThat(first.status()).isEqualTo(201);
        String grantId = first.json().get("id").asString();
        assertThat(first.json().get("memberId").isNull()).isTrue();
        assertThat(first.json().get("workerName").asString()).isEqualTo("王**");
        assertThat(first.json().get("workerPhone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.json().get("id").asString()).isEqualTo(grantId);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("reason").asString()).isEqualTo("member-limit-reached");
        assertThat(program(programId, officer).get("stockAvailable").asLong()).isEqualTo(9);
        assertThat(program(programId, officer).get("stockIssued").asLong()).isEqualTo(1);

        var listed = get("/api/benefits/grants?programId=" + programId, officer).json().get("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("workerName").asString()).isEqualTo("王**");
        assertThat(listed.get(0).get("workerPhone").asString()).contains("****");

        var report = get("/api/benefits/programs/" + programId + "/report", officer).json();
        assertThat(report.get("byWorkerType").get(0).get("key").asString()).isEqualTo("COURIER");
        assertThat(report.get("byWorkerType").get(0).get("members").asLong()).isEqualTo(1);

        Document stored = mongo.getCollection("grants").find(new Document("_id", grantId)).first();
        assertThat(stored.toJson()).doesNotContain(phone);
        assertThat(mongo.count(Query.query(where("action").is("BENEFIT_GRANTED").and("target").is("grant:" + grantId)),
                AuditRecord.class)).isEqualTo(1);
    }

    @Test
    void aMembersOnlyProgramRefusesANonMemberWith422() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        var fields = giftPack(org, "夏送清凉 会员", 10);
        fields.remove("audience");
        String programId = openProgram(officer, fields);

        HttpAnswer refused = issueToWorker(programId, officer, UUID.randomUUID().toString(),
                Map.of("name", "李四", "phone", newPhone(), "workerType", "COURIER"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("rule").asString()).isEqualTo("program-audience");
        assertThat(program(programId, officer).get("stockAvailable").asLong()).isEqualTo(10);
    }

    @Test
    void onlyGiftPacksMayBeOpenToAllWorkers() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        var hardship = moneyProgram(org, "困难补助 非会员", 100_000L, 1_000L);
        hardship.put("kind", "HARDSHIP_GRANT");
        hardship.put("audience", "ALL_WORKERS");

        HttpAnswer refused = post("/api/benefits/programs", officer, hardship);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("rule").asString()).isEqualTo("program-audience");
    }

    @Test
    void badInputIs400AndAnotherDistrictsProgramIs404() {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, giftPack(org, "夏送清凉 校验", 10));
        String outsider = TestTokens.benefitOfficer(newOrg().districtPath());

        HttpAnswer badPhone = issueToWorker(programId, officer, UUID.randomUUID().toString(),
                Map.of("name", "王五", "phone", "12345", "workerType", "COURIER"));
        HttpAnswer badType = issueToWorker(programId, officer, UUID.randomUUID().toString(),
                Map.of("name", "王五", "phone", newPhone(), "workerType", "ASTRONAUT"));
        HttpAnswer noName = issueToWorker(programId, officer, UUID.randomUUID().toString(),
                Map.of("name", " ", "phone", newPhone(), "workerType", "COURIER"));
        HttpAnswer elsewhere = issueToWorker(programId, outsider, UUID.randomUUID().toString(),
                Map.of("name", "王五", "phone", newPhone(), "workerType", "COURIER"));

        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(noName.status()).isEqualTo(400);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(program(programId, officer).get("stockAvailable").asLong()).isEqualTo(10);
    }
}
