package org.unionplatform.membership.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.People;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;

import tools.jackson.databind.JsonNode;

class BulkEnrolmentIT extends MembershipIT {

    @Autowired
    private BulkResumption resumption;

    @Autowired
    private BulkProperties bulkProperties;

    private static final String HEADER = "姓名,身份证号,手机号,工种,平台,行政区划代码";

    @Test
    void goodRowsAreEnrolledBadRowsReportedAndAReuploadAddsNobody() {
        List<String> rows = new ArrayList<>(List.of(HEADER));
        List<String> goodIds = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String id = People.residentId();
            goodIds.add(id);
            rows.add("骑手" + i + "," + id + "," + People.phone() + ",网约配送员,蓝骑士,610103");
        }
        String good = People.residentId();
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        rows.add("错号," + badCheck + "," + People.phone() + ",DELIVERY_RIDER,蓝骑士,610103");          // line 27
        rows.add("错期," + withBirthDate("20230230") + "," + People.phone() + ",DELIVERY_RIDER,蓝骑士,610103"); // 28
        rows.add("错手机," + People.residentId() + ",12345,DELIVERY_RIDER,蓝骑士,610103");            // 29
        rows.add("错工种," + People.residentId() + "," + People.phone() + ",ASTRONAUT,蓝骑士,610103");  // 30
        rows.add("重复," + goodIds.getFirst() + "," + People.phone() + ",DELIVERY_RIDER,蓝骑士,610103"); // 31
        byte[] file = String.join("\r\n", rows).getBytes(Charset.forName("GBK"));

        JsonNode first = enrolAndWait(file, "riders.csv");
        assertThat(first.get("format").asString()).isEqualTo("CSV GBK");
        assertThat(first.get("total").asLong()).isEqualTo(30);
        assertThat(first.get("done").asLong()).isEqualTo(30);
        assertThat(first.get("enrolled").asLong()).isEqualTo(25);
        assertThat(first.get("rejected").asLong()).isEqualTo(5);

        String report = report(first.get("id").asString());
        assertThat(report).startsWith("\uFEFF行号,列名,结果,原因,结果代码,原因代码")
                .contains("27,\"身份证号\",未入会,\"居民身份证号码校验位").contains("28,\"身份证号\",未入会,")
                .contains("29,\"手机号\",未入会,").contains("30,\"工种\",未入会,\"无法识别的职业“ASTRONAUT”")
                .contains("31,\"身份证号\",未入会,\"与第 2 行是同一人\",REJECTED,\"duplicate-in-file\"");
        await().atMost(Duration.ofSeconds(30)).until(() -> events("membership.approved").stream()
                .filter(event -> event.payload().get("channel").asString().equals("BULK")
                        && event.payload().get("organizationId").asString().equals("shouqi-union"))
                .count() >= 25);

        JsonNode again = enrolAndWait(file, "riders.csv");
        assertThat(again.get("enrolled").asLong()).isZero();
        assertThat(again.get("alreadyMembers").asLong()).isEqualTo(25);
        assertThat(report(again.get("id").asString())).contains(",已是会员,\"已是会员，未重复入会\",ALREADY_MEMBER,");
    }

    @Test
    void aLargeUploadEnrolsEveryGoodRowInOneGoAndAnnouncesEachNewMemberOnce() throws IOException {
        // Several batches (1,000 rows each), 1% bad rows: the upload that once stopped part-way while reporting DONE.
        Path file = Path.of("target", "bulk-it", "roster-3500.csv");
        int bad = BulkFileGenerator.write(file, 3_500, 411);

        JsonNode first = enrolAndWait(Files.readAllBytes(file), "roster.csv");
        assertThat(first.get("status").asString()).isEqualTo("DONE");
        assertThat(first.get("done").asLong()).isEqualTo(3_500);
        assertThat(first.get("enrolled").asLong()).isEqualTo(3_500 - bad);
        assertThat(first.get("rejected").asLong()).isEqualTo(bad);
        assertThat(report(first.get("id").asString()).lines().filter(line -> line.contains(",REJECTED,")).count())
                .isEqualTo(bad);
        Set<String> enrolled = new HashSet<>(mongo.getCollection("members")
                .distinct("_id", new Document("source", first.get("id").asString()), String.class)
                .into(new ArrayList<>()));
        assertThat(enrolled).hasSize(3_500 - bad);
        await().atMost(Duration.ofSeconds(60)).until(() -> approvedMemberIds(enrolled).size() == enrolled.size());
        assertThat(events("membership.approved").stream()
                .filter(event -> enrolled.contains(event.payload().get("memberId").asString()))
                .map(event -> event.id()).distinct().count()).isEqualTo(enrolled.size());
        assertThat(mongo.getCollection("members").countDocuments(new Document("source", first.get("id").asString())
                .append("outbox.0", new Document("$exists", true)))).as("members carry no outbox of their own")
                .isZero();

        JsonNode again = enrolAndWait(Files.readAllBytes(file), "roster.csv");
        assertThat(again.get("enrolled").asLong()).isZero();
        assertThat(again.get("alreadyMembers").asLong()).isEqualTo(3_500 - bad);
        assertThat(again.get("rejected").asLong()).isEqualTo(bad);
    }

    @Test
    void anEnrolmentInterruptedByARestartResumesFromItsFileAndEndsWithExactCounts() throws IOException {
        Path file = Path.of("target", "bulk-it", "roster-2100.csv");
        int bad = BulkFileGenerator.write(file, 2_100, 523);
        JsonNode finished = enrolAndWait(Files.readAllBytes(file), "roster.csv");
        String id = finished.get("id").asString();
        // As the instance left it when it stopped during the third batch: members of two batches inserted,
        // counters and report of one, the file still in the spool folder.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", "RUNNING")
                .set("done", 1_000L).set("enrolled", 990L).set("rejected", 10L)
                .set("updatedAt", Instant.now().minus(BulkResumption.STOPPED_AFTER).minusSeconds(5)),
                BulkEnrolment.class);
        mongo.remove(Query.query(Criteria.where("enrolmentId").is(id).and("sequence").gt(0)), BulkReportChunk.class);
        Files.createDirectories(bulkProperties.spoolDirectory());
        Files.copy(file, bulkProperties.spoolDirectory().resolve(id + ".upload"));

        resumption.resumeInterrupted();

        String organizer = TestTokens.organizer(SHOUQI_PATH);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                json(httpGet("/api/members/bulk-enrolments/" + id, organizer)).get("status").asString().equals("DONE"));
        JsonNode resumed = json(httpGet("/api/members/bulk-enrolments/" + id, organizer));
        assertThat(resumed.get("done").asLong()).isEqualTo(2_100);
        assertThat(resumed.get("enrolled").asLong()).isEqualTo(2_100 - bad);
        assertThat(resumed.get("alreadyMembers").asLong()).isZero();
        assertThat(resumed.get("rejected").asLong()).isEqualTo(bad);
        assertThat(report(id).lines().filter(line -> line.contains(",REJECTED,")).count()).isEqualTo(bad);
        assertThat(mongo.getCollection("members").countDocuments(new Document("source", id))).isEqualTo(2_100 - bad);
        assertThat(Files.exists(bulkProperties.spoolDirectory().resolve(id + ".upload"))).isFalse();
    }

    @Test
    void anEnrolmentAdvancedLatelyIsLeftToTheInstanceRunningIt() throws IOException {
        // Another instance sharing the spool folder runs it: recent progress means it is alive.
        Path file = Path.of("target", "bulk-it", "roster-300.csv");
        BulkFileGenerator.write(file, 300, 733);
        String id = enrolAndWait(Files.readAllBytes(file), "roster.csv").get("id").asString();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", "RUNNING")
                .set("done", 100L).set("updatedAt", Instant.now()), BulkEnrolment.class);
        Path spooled = bulkProperties.spoolDirectory().resolve(id + ".upload");
        Files.createDirectories(bulkProperties.spoolDirectory());
        Files.copy(file, spooled);
        try {
            resumption.resumeInterrupted();

            JsonNode untouched = json(httpGet("/api/members/bulk-enrolments/" + id, TestTokens.organizer(SHOUQI_PATH)));
            assertThat(untouched.get("status").asString()).isEqualTo("RUNNING");
            assertThat(untouched.get("done").asLong()).isEqualTo(100);
            assertThat(Files.exists(spooled)).isTrue();
        } finally {
            Files.deleteIfExists(spooled);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", "DONE"),
                    BulkEnrolment.class);
        }
    }

    @Test
    void anEnrolmentWhoseInstanceAndFileAreGoneIsMarkedFailedAndItsMembersAnnouncedAgain() throws IOException {
        Path file = Path.of("target", "bulk-it", "roster-1200.csv");
        int bad = BulkFileGenerator.write(file, 1_200, 617);
        String id = enrolAndWait(Files.readAllBytes(file), "roster.csv").get("id").asString();
        Set<String> enrolled = new HashSet<>(mongo.getCollection("members")
                .distinct("_id", new Document("source", id), String.class).into(new ArrayList<>()));
        await().atMost(Duration.ofSeconds(60)).until(() -> approvedMemberIds(enrolled).size() == enrolled.size());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", "RUNNING")
                .set("updatedAt", Instant.now().minus(BulkResumption.ABANDONED_AFTER).minusSeconds(60)),
                BulkEnrolment.class);

        resumption.resumeInterrupted();

        JsonNode failed = json(httpGet("/api/members/bulk-enrolments/" + id, TestTokens.organizer(SHOUQI_PATH)));
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failure").asString()).contains("Interrupted by a restart")
                .contains("Upload the same file again");
        // Announced again, a thousand to a document, under the same event ids: consumers, applying each id once,
        // still count each member once.
        var announcements = mongo.getCollection("bulk_enrolment_events");
        assertThat(announcements.countDocuments(new Document("_id", new Document("$in", List.of(id + ":-1",
                id + ":-2"))))).isEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).until(() -> announcements.countDocuments(new Document("_id",
                new Document("$in", List.of(id + ":-1", id + ":-2"))).append("outbox.0",
                new Document("$exists", true))) == 0);
        assertThat(events("membership.approved").stream()
                .filter(event -> enrolled.contains(event.payload().get("memberId").asString()))
                .map(event -> event.id()).distinct().count()).isEqualTo(1_200 - bad);
    }

    private Set<String> approvedMemberIds(Set<String> among) {
        return events("membership.approved").stream().map(event -> event.payload().get("memberId").asString())
                .filter(among::contains).collect(Collectors.toSet());
    }

    @Test
    void anXlsxWorkbookIsEnrolledLikeACsvFile() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var workbook = new XSSFWorkbook()) {
            var sheet = workbook.createSheet("花名册");
            String[] header = {"name", "residentId", "phone", "workerType", "platform", "divisionCode"};
            var headerRow = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                headerRow.createCell(c).setCellValue(header[c]);
            }
            for (int r = 1; r <= 3; r++) {
                var row = sheet.createRow(r);
                String[] cells = {"司机" + r, People.residentId(), People.phone(), "TRUCK_DRIVER", "满帮", "610800"};
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            workbook.write(out);
        }

        JsonNode done = enrolAndWait(out.toByteArray(), "drivers.xlsx");

        assertThat(done.get("format").asString()).isEqualTo("XLSX");
        assertThat(done.get("enrolled").asLong()).isEqualTo(3);
        assertThat(done.get("rejected").asLong()).isZero();
    }

    @Test
    void aFileWithoutTheRequiredColumnsFailsAsAWhole() {
        JsonNode done = enrolAndWait("foo,bar\n1,2\n".getBytes(StandardCharsets.UTF_8), "wrong.csv");

        assertThat(done.get("status").asString()).isEqualTo("FAILED");
        assertThat(done.get("failure").asString()).startsWith("表头中找不到“姓名”列");
    }

    @Test
    void anOrganizerCannotEnrolIntoAUnionOutsideTheirScope() {
        var response = upload("姓名\n".getBytes(StandardCharsets.UTF_8), "x.csv", "yulin-truck-federation",
                TestTokens.organizer(SHOUQI_PATH));

        assertThat(response.status()).isEqualTo(404);
    }

    private static String withBirthDate(String yyyyMMdd) {
        String first17 = "610103" + yyyyMMdd + "123";
        return first17 + org.unionplatform.common.pii.ResidentIdNumber.checkCharacterFor(first17);
    }

    private JsonNode enrolAndWait(byte[] file, String fileName) {
        String organizer = TestTokens.organizer(fileName.endsWith("xlsx") ? "/shaanxi/yulin/" : SHOUQI_PATH);
        String union = fileName.endsWith("xlsx") ? "yulin-truck-federation" : "shouqi-union";
        var accepted = upload(file, fileName, union, organizer);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = json(accepted).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String status = json(httpGet("/api/members/bulk-enrolments/" + id, organizer)).get("status").asString();
            return status.equals("DONE") || status.equals("FAILED");
        });
        return json(httpGet("/api/members/bulk-enrolments/" + id, organizer));
    }

    private String report(String id) {
        var response = httpGet("/api/members/bulk-enrolments/" + id + "/report", TestTokens.organizer(SHOUQI_PATH));
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private HttpAnswer upload(byte[] file, String fileName, String organizationId, String token) {
        return HttpTestClient.local(port)
                .request("POST", "/api/members/bulk-enrolments?organizationId=" + organizationId).token(token)
                .multipart("file", fileName, "application/octet-stream", file).send();
    }
}
