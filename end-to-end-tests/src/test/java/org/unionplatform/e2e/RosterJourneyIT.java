package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.http.HttpAnswer;

import tools.jackson.databind.JsonNode;

/**
 * A roster as a platform exports it, through the gateway: a rider list with a title row above the header and the
 * platform's own column names and occupation words. Its dry run shows the mapping and every row's outcome and
 * enrols nobody; the real run enrols every good row (one without a district takes the union's own, with a note);
 * the report reads in Chinese; the template downloads as XLSX.
 *
 * <p>The tree is in Qinghai's Xining (630100, Chengdong 630102), so no other journey's organisations interfere.
 */
class RosterJourneyIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    private static MembershipFixture fixture;

    @BeforeAll
    static void aRiderUnion() {
        fixture = new MembershipFixture("西宁", "630000", "630100", "630102");
    }

    @Test
    void aRiderRosterInThePlatformsOwnWordsIsCheckedByADryRunThenEnrolledAndReportedInChinese() {
        List<MembershipFixture.Worker> riders = List.of(fixture.newWorker(), fixture.newWorker(), fixture.newWorker());
        String[] words = {"外卖骑手", "众包骑手", "配送员"};
        String[] areas = {"630102", "", "630102"};
        StringBuilder csv = new StringBuilder("骑手花名册（城东区站点，本月新增）\n"
                + "序号,骑手姓名,身份证号码,联系电话,站点名称,工作区域,岗位,所属平台\n");
        for (int i = 0; i < riders.size(); i++) {
            var rider = riders.get(i);
            csv.append(String.join(",", String.valueOf(i + 1), rider.name(), rider.residentId(), rider.phone(),
                    "城东站", areas[i], words[i], fixture.platformName)).append('\n');
        }
        var stranger = fixture.newWorker();
        csv.append(String.join(",", "4", stranger.name(), stranger.residentId(), stranger.phone(), "城东站", "630102",
                "站长", fixture.platformName)).append('\n');
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        JsonNode dryRun = uploadAndWait(file, "&dryRun=true");
        assertThat(dryRun.get("status").asString()).as(dryRun.toString()).isEqualTo("DONE");
        assertThat(dryRun.get("wouldEnrol").asLong()).isEqualTo(3);
        assertThat(dryRun.get("enrolled").asLong()).isZero();
        assertThat(dryRun.get("rejected").asLong()).isEqualTo(1);
        List<String> read = new ArrayList<>();
        dryRun.get("mapping").get("columns").forEach(column -> read.add(column.get("column").asString() + "="
                + (column.get("field").isNull() ? "-" : column.get("field").asString())));
        assertThat(read).containsExactly("序号=-", "骑手姓名=name", "身份证号码=residentId", "联系电话=phone", "站点名称=-",
                "工作区域=divisionCode", "岗位=workerType", "所属平台=platform");
        assertThat(dryRun.get("mapping").get("firstRows").toString()).doesNotContain(riders.getFirst().residentId());
        JsonNode lines = expect(fixture.gateway.get("/api/members/bulk-enrolments/" + dryRun.get("id").asString()
                + "/report-lines", fixture.organizer), 200);
        List<String> outcomes = new ArrayList<>();
        lines.forEach(line -> outcomes.add(line.get("line").asLong() + " " + line.get("outcome").asString() + " "
                + line.get("code").asString()));
        assertThat(outcomes).containsExactly("3 WOULD_ENROL would-enrol", "4 WOULD_ENROL division-defaulted",
                "5 WOULD_ENROL would-enrol", "6 REJECTED worker-type-invalid");

        JsonNode real = uploadAndWait(file, "");
        assertThat(real.get("status").asString()).isEqualTo("DONE");
        assertThat(real.get("enrolled").asLong()).as("the dry run enrolled nobody").isEqualTo(3);
        assertThat(real.get("rejected").asLong()).isEqualTo(1);
        HttpAnswer report = fixture.gateway.get("/api/members/bulk-enrolments/" + real.get("id").asString()
                + "/report", fixture.organizer);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).startsWith("\uFEFF行号,列名,结果,原因,结果代码,原因代码")
                .contains("4,\"工作区域\",已入会,\"未填所在区县，按本工会所在地（630102）登记\"")
                .contains("6,\"岗位\",未入会,\"无法识别的职业“站长”");
    }

    @Test
    void theTemplateDownloadsAsAnXlsxWorkbook() {
        HttpAnswer template = fixture.gateway.get("/api/members/bulk-enrolments/template", fixture.organizer);

        assertThat(template.status()).isEqualTo(200);
        assertThat(template.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");
        assertThat(new String(template.bytes(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    }

    private static JsonNode uploadAndWait(byte[] file, String query) {
        // membership-service learns of the new union from organization.established: until then the union is 404.
        HttpAnswer answer = await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(500)).until(
                () -> fixture.upload("/api/members/bulk-enrolments?organizationId=" + fixture.union.id() + query,
                        fixture.organizer, "骑手花名册.csv", file), upload -> upload.status() != 404);
        JsonNode accepted = expect(answer, 202);
        String id = accepted.get("id").asString();
        return await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(300)).until(
                () -> expect(fixture.gateway.get("/api/members/bulk-enrolments/" + id, fixture.organizer), 200),
                progress -> List.of("DONE", "FAILED").contains(progress.get("status").asString()));
    }
}
