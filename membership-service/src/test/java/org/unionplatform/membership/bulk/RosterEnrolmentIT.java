package org.unionplatform.membership.bulk;

import org.unionplatform.common.rows.CsvRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.People;
import org.unionplatform.membership.organization.KnownOrganization;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;
import org.unionplatform.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * Rosters as platforms export them, through HTTP: a Meituan-style rider list (a title row above the header, 骑手姓名,
 * 身份证号码, 配送区域, 岗位 with 外卖骑手/众包骑手/配送员...), a Huolala-style driver workbook (司机姓名, 证件号码, 联系电话,
 * 工作区域, 从业类型 with 货运司机/卡车司机...), a file only the organizer's mapping can read, and the template filled in.
 * Place names are the shipped Shaanxi data plus the test's {@code places-bulk-test.csv} beside it (Hebei's 长安区,
 * so that a name two counties share is seen: the service reads every {@code places-*.csv} there).
 */
class RosterEnrolmentIT extends MembershipIT {

    private static final String BEILIN_RIDERS = "beilin-rider-union";
    private static final String BEILIN_PATH = "/shaanxi/xian/beilin/beilin-rider-union/";
    private static final String[] RIDER_WORDS = {"外卖骑手", "骑手", "专送骑手", "众包骑手", "配送员", "美团骑手"};
    private static final String[] AREAS = {"610103", "碑林区", "", "西安市雁塔区"};

    @BeforeEach
    void aDistrictRiderUnion() {
        organizations.remember(new KnownOrganization(BEILIN_RIDERS, "碑林区外卖骑手联合工会", BEILIN_PATH, "610103",
                "JOINT_UNION"));
    }

    @Test
    void aRiderRosterDryRunShowsTheMappingAndEveryOutcomeEnrolsNobodyAndTheRealRunEnrolsEveryGoodRow() {
        List<String> rows = new ArrayList<>(List.of("美团外卖骑手花名册（碑林区，2026年11月）",
                "序号,骑手ID,骑手姓名,身份证号码,手机号码,站点名称,配送区域,岗位,所属平台,入职日期"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = People.residentId();
            ids.add(id);
            String phone = i % 3 == 0 ? "+86 " + People.phone() : People.phone();
            rows.add((i + 1) + ",MT" + (8800 + i) + ",骑手" + i + "," + id + "," + phone + ",碑林南稍门站," + AREAS[i % 4]
                    + "," + RIDER_WORDS[i % 6] + ",美团,2026-10-0" + (i % 9 + 1));
        }
        rows.add("13,MT9001,错手机," + People.residentId() + ",1391234,碑林站,610103,外卖骑手,美团,2026-10-01");   // 15
        rows.add("14,MT9002,错岗位," + People.residentId() + "," + People.phone() + ",碑林站,610103,站长,美团,");     // 16
        rows.add("15,MT9003,错证号,6.10103E+17," + People.phone() + ",碑林站,610103,骑手,美团,");                  // 17
        rows.add("16,MT9004,错区县," + People.residentId() + "," + People.phone() + ",碑林站,火星区,骑手,美团,");    // 18
        byte[] file = ("\uFEFF" + String.join("\r\n", rows)).getBytes(StandardCharsets.UTF_8);

        JsonNode dryRun = enrolAndWait(file, "美团骑手花名册.csv", BEILIN_RIDERS, BEILIN_PATH, "&dryRun=true");

        assertThat(dryRun.get("status").asString()).isEqualTo("DONE");
        assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.get("wouldEnrol").asLong()).isEqualTo(12);
        assertThat(dryRun.get("enrolled").asLong()).isZero();
        assertThat(dryRun.get("rejected").asLong()).isEqualTo(4);
        assertThat(dryRun.get("done").asLong()).isEqualTo(dryRun.get("total").asLong());
        JsonNode mapping = dryRun.get("mapping");
        assertThat(mapping.get("headerLine").asLong()).isEqualTo(2);
        assertThat(fields(mapping)).containsExactly(Map.entry("序号", "-"), Map.entry("骑手ID", "-"),
                Map.entry("骑手姓名", "name"), Map.entry("身份证号码", "residentId"), Map.entry("手机号码", "phone"),
                Map.entry("站点名称", "-"), Map.entry("配送区域", "divisionCode"), Map.entry("岗位", "workerType"),
                Map.entry("所属平台", "platform"), Map.entry("入职日期", "-"));
        assertThat(values(mapping)).contains("workerType:外卖骑手->DELIVERY_RIDER x3", "workerType:众包骑手->DELIVERY_RIDER x2",
                "workerType:配送员->DELIVERY_RIDER x2", "divisionCode:碑林区->610103 x3", "divisionCode:->610103 x3",
                "divisionCode:西安市雁塔区->610113 x3");
        JsonNode firstRows = mapping.get("firstRows");
        assertThat(firstRows).hasSize(5);
        assertThat(firstRows.get(0).get(2).asString()).isEqualTo("骑手0");
        assertThat(firstRows.get(0).get(3).asString()).isEqualTo(ids.getFirst().substring(0, 3) + "***********"
                + ids.getFirst().substring(14));
        assertThat(firstRows.toString()).doesNotContain(ids.getFirst());
        String dryRunId = dryRun.get("id").asString();
        assertThat(mongo.getCollection("members").countDocuments(new Document("source", dryRunId))).isZero();

        JsonNode lines = json(httpGet("/api/members/bulk-enrolments/" + dryRunId + "/report-lines",
                TestTokens.organizer(BEILIN_PATH)));
        assertThat(lines).hasSize(16);
        assertThat(outcomes(lines, "WOULD_ENROL")).hasSize(12);
        assertThat(lines.get(2).get("code").asString()).isEqualTo("division-defaulted");
        assertThat(lines.get(2).get("reason").asString()).isEqualTo("将入会；未填所在区县，按本工会所在地（610103）登记");
        assertThat(outcomes(lines, "REJECTED")).extracting(line -> line.get("line").asLong() + " "
                + line.get("column").asString() + " " + line.get("code").asString()).containsExactly(
                "15 手机号码 phone-length", "16 岗位 worker-type-invalid", "17 身份证号码 resident-id-as-number",
                "18 配送区域 division-code-invalid");
        assertThat(outcomes(lines, "REJECTED").get(1).get("reason").asString())
                .startsWith("无法识别的职业“站长”，可填写：货车司机、网约车司机、快递员、网约配送员");
        assertThat(outcomes(lines, "REJECTED").get(3).get("reason").asString())
                .isEqualTo("无法识别的所在区县“火星区”：请填写 6 位行政区划代码（如 610103）或区县名称（如 碑林区）");

        JsonNode real = enrolAndWait(file, "美团骑手花名册.csv", BEILIN_RIDERS, BEILIN_PATH, "");

        assertThat(real.get("dryRun").asBoolean()).isFalse();
        assertThat(real.get("enrolled").asLong()).as("nobody was enrolled by the dry run").isEqualTo(12);
        assertThat(real.get("alreadyMembers").asLong()).isZero();
        assertThat(real.get("rejected").asLong()).isEqualTo(4);
        List<Document> members = mongo.getCollection("members").find(new Document("source", real.get("id").asString()))
                .into(new ArrayList<>());
        assertThat(members).hasSize(12).allSatisfy(member -> assertThat(member.getEmbedded(List.of("worker",
                "workerType"), String.class)).isEqualTo("DELIVERY_RIDER"));
        assertThat(members).extracting(member -> member.getEmbedded(List.of("worker", "divisionCode"), String.class))
                .containsOnly("610103", "610113");
        String report = report(real.get("id").asString(), BEILIN_PATH);
        assertThat(report).startsWith("\uFEFF行号,列名,结果,原因,结果代码,原因代码\r\n")
                .contains("5,\"配送区域\",已入会,\"未填所在区县，按本工会所在地（610103）登记\",ENROLLED,\"division-defaulted\"")
                .contains("15,\"手机号码\",未入会,\"手机号码应为11位数字\",REJECTED,\"phone-length\"")
                .contains("17,\"身份证号码\",未入会,\"身份证号被 Excel 存成了数字");
    }

    @Test
    void aTitleRowAboveTheHeaderOfAFileOfSeveralBatchesCountsOnceAsDone() throws IOException {
        Path generated = Path.of("target", "bulk-it", "roster-2300.csv");
        int bad = BulkFileGenerator.write(generated, 2_300, 907);
        byte[] title = "某平台骑手名单（导出）\r\n".getBytes(CsvRows.GBK);
        byte[] rows = Files.readAllBytes(generated);
        byte[] file = new byte[title.length + rows.length];
        System.arraycopy(title, 0, file, 0, title.length);
        System.arraycopy(rows, 0, file, title.length, rows.length);

        JsonNode done = enrolAndWait(file, "roster.csv", BEILIN_RIDERS, BEILIN_PATH, "");

        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("total").asLong()).isEqualTo(2_301);
        assertThat(done.get("done").asLong()).isEqualTo(2_301);
        assertThat(done.get("enrolled").asLong()).isEqualTo(2_300 - bad);
        assertThat(done.get("rejected").asLong()).isEqualTo(bad);
        assertThat(done.get("mapping").get("headerLine").asLong()).isEqualTo(2);
    }

    @Test
    void aDriverWorkbookWithItsOwnWordsIsEnrolledRowByRowAndReportedInChinese() throws IOException {
        String[] header = {"司机姓名", "证件号码", "联系电话", "车型", "所在城市", "工作区域", "从业类型", "所属平台"};
        String[] words = {"货运司机", "货车司机", "卡车司机"};
        String[] areas = {"榆阳区", "610803", "榆林市横山区"};
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(new String[] {"司机" + i, People.residentId(), People.phone(), "中面包车", "榆林", areas[i % 3],
                    words[i % 3], "货拉拉"});
        }
        rows.add(new String[] {"搬运", People.residentId(), People.phone(), "小面包车", "榆林", "榆阳区", "搬运工", "货拉拉"});

        JsonNode done = enrolAndWait(workbook("司机名单", header, rows), "货拉拉司机名单.xlsx", "yulin-truck-federation",
                YULIN_TRUCK_PATH, "");

        assertThat(done.get("format").asString()).isEqualTo("XLSX");
        assertThat(done.get("enrolled").asLong()).isEqualTo(6);
        assertThat(done.get("rejected").asLong()).isEqualTo(1);
        assertThat(values(done.get("mapping"))).contains("workerType:货运司机->TRUCK_DRIVER x2",
                "workerType:卡车司机->TRUCK_DRIVER x2", "divisionCode:榆阳区->610802 x3",
                "divisionCode:榆林市横山区->610803 x2");
        assertThat(mongo.getCollection("members").countDocuments(new Document("source", done.get("id").asString())
                .append("worker.workerType", "TRUCK_DRIVER").append("worker.divisionCode",
                        new Document("$in", List.of("610802", "610803"))))).isEqualTo(6);
        assertThat(report(done.get("id").asString(), YULIN_TRUCK_PATH))
                .contains("8,\"从业类型\",未入会,\"无法识别的职业“搬运工”");
    }

    @Test
    void aFileOnlyTheOrganizersMappingCanReadFailsWithoutItAndIsEnrolledWithIt() {
        String header = "人员,证件,电话,类别,备注";
        List<String> rows = new ArrayList<>(List.of(header));
        for (int i = 0; i < 3; i++) {
            rows.add("快递员" + i + "," + People.residentId() + "," + People.phone() + ",快递小哥,无");
        }
        byte[] file = String.join("\n", rows).getBytes(StandardCharsets.UTF_8);

        JsonNode unread = enrolAndWait(file, "名单.csv", BEILIN_RIDERS, BEILIN_PATH, "");
        assertThat(unread.get("status").asString()).isEqualTo("FAILED");
        assertThat(unread.get("failure").asString()).startsWith("表头中找不到“姓名”列").contains("骑手姓名");

        String mapping = "&mapping=" + URLEncoder.encode("""
                {"人员":"name","证件":"residentId","电话":"phone","类别":"workerType","备注":"none"}""",
                StandardCharsets.UTF_8);
        JsonNode dryRun = enrolAndWait(file, "名单.csv", BEILIN_RIDERS, BEILIN_PATH, "&dryRun=true" + mapping);
        assertThat(dryRun.get("wouldEnrol").asLong()).isEqualTo(3);
        assertThat(dryRun.get("mapping").get("columns").get(1).get("how").asString()).isEqualTo("CHOSEN");
        assertThat(values(dryRun.get("mapping"))).contains("workerType:快递小哥->COURIER x3");

        JsonNode real = enrolAndWait(file, "名单.csv", BEILIN_RIDERS, BEILIN_PATH, mapping);
        assertThat(real.get("enrolled").asLong()).isEqualTo(3);

        var refused = upload(file, "名单.csv", BEILIN_RIDERS, TestTokens.organizer(BEILIN_PATH),
                "&mapping=" + URLEncoder.encode("{\"证件\":\"idNumber\"}", StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("residentId");
    }

    @Test
    void theTemplateHasChineseHeadingsAndAHintSheetAndIsEnrolledOnceFilledIn() throws IOException {
        HttpAnswer template = httpGet("/api/members/bulk-enrolments/template", TestTokens.organizer(BEILIN_PATH));
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");
        var out = new ByteArrayOutputStream();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template.bytes()))) {
            var roster = workbook.getSheetAt(0);
            assertThat(roster.getSheetName()).isEqualTo("花名册");
            List<String> headings = new ArrayList<>();
            roster.getRow(0).forEach(cell -> headings.add(cell.getStringCellValue()));
            assertThat(headings).containsExactly("姓名", "身份证号", "手机号", "职业", "平台", "所在区县", "统一社会信用代码");
            assertThat(roster.getLastRowNum()).as("no example row where rows are read").isZero();
            var hints = workbook.getSheet("填写说明");
            StringBuilder text = new StringBuilder();
            var formatter = new DataFormatter();
            hints.forEach(row -> row.forEach(cell -> text.append(formatter.formatCellValue(cell)).append('|')));
            assertThat(text).contains("身份证号|必填|").contains("示例").contains("张三|610103199001011234|")
                    .contains("证件号码");

            for (int r = 1; r <= 2; r++) {
                var row = roster.createRow(r);
                String[] cells = {"模板" + r, People.residentId(), People.phone(), "外卖骑手", "饿了么", "", ""};
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            workbook.write(out);
        }

        JsonNode done = enrolAndWait(out.toByteArray(), "花名册.xlsx", BEILIN_RIDERS, BEILIN_PATH, "");
        assertThat(done.get("enrolled").asLong()).isEqualTo(2);
        assertThat(done.get("rejected").asLong()).isZero();
    }

    private static Map<String, String> fieldsOf(JsonNode mapping) {
        var fields = new java.util.LinkedHashMap<String, String>();
        mapping.get("columns").forEach(column -> fields.put(column.get("column").asString(),
                column.get("field").isNull() ? "-" : column.get("field").asString()));
        return fields;
    }

    private static List<Map.Entry<String, String>> fields(JsonNode mapping) {
        return List.copyOf(fieldsOf(mapping).entrySet());
    }

    private static List<String> values(JsonNode mapping) {
        List<String> values = new ArrayList<>();
        mapping.get("values").forEach(value -> values.add(value.get("field").asString() + ":"
                + value.get("from").asString() + "->" + value.get("to").asString() + " x"
                + value.get("rows").asLong()));
        return values;
    }

    private static List<JsonNode> outcomes(JsonNode lines, String outcome) {
        List<JsonNode> found = new ArrayList<>();
        lines.forEach(line -> {
            if (line.get("outcome").asString().equals(outcome)) {
                found.add(line);
            }
        });
        return found;
    }

    private static byte[] workbook(String sheetName, String[] header, List<String[]> rows) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var workbook = new XSSFWorkbook()) {
            var sheet = workbook.createSheet(sheetName);
            List<String[]> all = new ArrayList<>();
            all.add(header);
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).length; c++) {
                    row.createCell(c).setCellValue(all.get(r)[c]);
                }
            }
            workbook.write(out);
        }
        return out.toByteArray();
    }

    private JsonNode enrolAndWait(byte[] file, String fileName, String union, String path, String query) {
        String organizer = TestTokens.organizer(path);
        var accepted = upload(file, fileName, union, organizer, query);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = json(accepted).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String status = json(httpGet("/api/members/bulk-enrolments/" + id, organizer)).get("status").asString();
            return status.equals("DONE") || status.equals("FAILED");
        });
        return json(httpGet("/api/members/bulk-enrolments/" + id, organizer));
    }

    private String report(String id, String path) {
        var response = httpGet("/api/members/bulk-enrolments/" + id + "/report", TestTokens.organizer(path));
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private HttpAnswer upload(byte[] file, String fileName, String organizationId, String token, String query) {
        return HttpTestClient.local(port)
                .request("POST", "/api/members/bulk-enrolments?organizationId=" + organizationId + query).token(token)
                .multipart("file", fileName, "application/octet-stream", file).send();
    }
}
