package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;
import org.unionplatform.testsupport.security.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Companies surveyed at scale (docs/organizations.md, "Company surveys"): a 2,000-row survey checked by a dry run,
 * then imported, each refused row reported with its reason; the insurance coverage by district and by platform
 * equals the sums this test computes from the rows it wrote.
 */
class CompanySurveyIT extends ServiceIT {

    private static final String HEADER = "统一社会信用代码,企业名称,企业类型,所属平台,网点地址,所在区县（必填）,快递员人数,网约配送员人数,"
            + "用工形式,参加社会保险人数,参加工伤保险人数\r\n";
    private static final String[] DISTRICTS = {"440902", "440904", "440981", "440982"};
    private static final String[] PLATFORMS = {"顺丰", "美团", "饿了么", ""};
    private static final String[] TYPES = {"合作企业", "站点/网点", "加盟商", "PARTNER"};

    /** Sums per key: workers, social insured, work-injury insured. */
    private final Map<String, long[]> byDistrict = new TreeMap<>();
    private final Map<String, long[]> byPlatform = new TreeMap<>();

    @Test
    void twoThousandRowsAreCheckedByADryRunThenImportedAndTheCoverageEqualsTheIndependentSums() throws IOException {
        JsonNode city = createOrganization("普查市总工会", "CITY_FEDERATION", "440900", Roots.guangdong(this));
        String cityId = city.get("id").asString();
        String organizer = TestTokens.organizer(city.get("orgPath").asString());
        StringBuilder csv = new StringBuilder(HEADER);
        Random random = new Random(19);
        List<Long> refusedLines = new ArrayList<>();
        String repeated = null;
        for (int i = 0; i < 2_000; i++) {
            long line = i + 2;
            String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
            String code = TestCreditCodes.code(district);
            String platform = PLATFORMS[random.nextInt(PLATFORMS.length)];
            int couriers = random.nextInt(60);
            int riders = random.nextInt(40);
            int workers = couriers + riders;
            int social = workers == 0 ? 0 : random.nextInt(workers + 1);
            int injury = workers == 0 ? 0 : random.nextInt(workers + 1);
            String type = TYPES[random.nextInt(TYPES.length)];
            switch (i % 40) {
                case 7 -> code = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
                case 13 -> type = "个体户";
                case 21 -> social = workers + 1;
                case 29 -> district = "610103";
                case 33 -> code = repeated;
                default -> {
                    if (i % 40 == 3) {
                        repeated = code;
                    }
                }
            }
            if (i % 40 == 7 || i % 40 == 13 || i % 40 == 21 || i % 40 == 29 || i % 40 == 33) {
                refusedLines.add(line);
            } else {
                add(byDistrict, district, workers, social, injury);
                add(byPlatform, platform.isEmpty() ? "未注明平台" : platform, workers, social, injury);
            }
            csv.append(code).append(",普查企业").append(i).append(',').append(type).append(',').append(platform)
                    .append(",\"茂名市某路").append(i).append("号\",").append(district).append(',').append(couriers)
                    .append(',').append(riders).append(",劳务派遣,").append(social).append(',').append(injury)
                    .append("\r\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        JsonNode dry = upload(file, "普查.csv", cityId, organizer, true).expect(200);
        assertThat(dry.get("rows").asLong()).isEqualTo(2_000);
        assertThat(dry.get("rejected").asLong()).isEqualTo(250);
        assertThat(dry.get("created").asLong()).isEqualTo(1_750);
        assertThat(dry.get("lines")).hasSize(2_000);
        assertThat(dry.get("lines").get(2).get("outcome").asString()).isEqualTo("WOULD_CREATE");
        assertThat(coverage(cityId, "DISTRICT", organizer)).as("a dry run writes nothing").isEmpty();

        JsonNode real = upload(file, "普查.csv", cityId, organizer, false).expect(200);
        assertThat(real.get("created").asLong()).isEqualTo(1_750);
        assertThat(real.get("rejected").asLong()).isEqualTo(250);
        List<Long> reported = new ArrayList<>();
        Map<Long, String> codes = new TreeMap<>();
        real.get("lines").forEach(l -> {
            reported.add(l.get("line").asLong());
            codes.put(l.get("line").asLong(), l.get("code").asString());
            assertThat(l.get("reason").asString()).isNotBlank();
        });
        assertThat(reported).containsExactlyElementsOf(refusedLines);
        assertThat(codes.get(9L)).isEqualTo("credit-code-invalid");
        assertThat(codes.get(15L)).isEqualTo("type-invalid");
        assertThat(codes.get(23L)).isEqualTo("insured-exceeds-headcount");
        assertThat(codes.get(31L)).isEqualTo("division-outside");
        assertThat(codes.get(35L)).isEqualTo("duplicate-in-file");

        assertThat(sums(coverage(cityId, "DISTRICT", organizer))).isEqualTo(flatten(byDistrict));
        assertThat(sums(coverage(cityId, "PLATFORM", organizer))).isEqualTo(flatten(byPlatform));
        YearMonth now = YearMonth.from(LocalDate.now(ChinaTime.ZONE));
        JsonNode months = get("/api/organizations/" + cityId + "/insurance-coverage/months?by=DISTRICT&from="
                + now.minusMonths(1) + "&to=" + now, organizer).expect(200);
        assertThat(months.get(0).get("lines")).as("nothing surveyed the month before").isEmpty();
        assertThat(sums(months.get(1).get("lines"))).isEqualTo(flatten(byDistrict));

        // The same file again: every company known, updated, nothing created.
        JsonNode again = upload(file, "普查.csv", cityId, organizer, true).expect(200);
        assertThat(again.get("created").asLong()).isZero();
        assertThat(again.get("updated").asLong()).isEqualTo(1_750);
    }

    @Test
    void anXlsxSurveyIsReadAndBadFilesOrScopesAreProblems() throws IOException {
        JsonNode city = createOrganization("普查市总工会二", "CITY_FEDERATION", "440900", Roots.guangdong(this));
        String cityId = city.get("id").asString();
        String organizer = TestTokens.organizer(city.get("orgPath").asString());
        String code = TestCreditCodes.code("440902");
        byte[] workbook = xlsx(List.of(List.of("统一社会信用代码", "企业名称", "企业类型", "所在区县", "快递员人数", "参加工伤保险人数"),
                List.of(code, "表格企业", "平台企业", "440902", "12", "9")));

        JsonNode imported = upload(workbook, "普查.xlsx", cityId, organizer, false).expect(200);
        assertThat(imported.get("created").asLong()).isEqualTo(1);
        assertThat(imported.get("fileFormat").asString()).isEqualTo("XLSX");
        JsonNode line = coverage(cityId, "DISTRICT", organizer).get(0);
        assertThat(line.get("workers").asLong()).isEqualTo(12);
        assertThat(line.get("workInjuryRate").asDouble()).isEqualTo(75.0);

        upload("企业名称,所在区县\r\n某企业,440902\r\n".getBytes(StandardCharsets.UTF_8), "缺列.csv", cityId, organizer,
                true).expectProblem(422, null, "survey-columns");
        upload(new byte[0], "空.csv", cityId, organizer, true).expectProblem(422, null, "survey-file");
        upload("not a workbook".getBytes(StandardCharsets.UTF_8), "坏.xlsx", cityId, organizer, true)
                .expectProblem(422, null, "survey-file");
        upload(workbook, "普查.xlsx", cityId, TestTokens.organizer("/shaanxi/xian/"), true)
                .expectProblem(422, "organizationId", "unknown-organization");
        upload(workbook, "普查.xlsx", cityId, TestTokens.benefitOfficer(city.get("orgPath").asString()), true)
                .expect(403);
        get("/api/organizations/" + cityId + "/insurance-coverage", TestTokens.organizer("/shaanxi/xian/"))
                .expectProblem(404, null, null);
        get("/api/organizations/" + cityId + "/insurance-coverage/months?from=2026-05&to=2026-01", organizer)
                .expectProblem(422, null, "month-range");
        get("/api/organizations/" + cityId + "/insurance-coverage?by=COUNTRY", organizer).expect(400);
    }

    private HttpAnswer upload(byte[] file, String name, String organizationId, String token, boolean dryRun) {
        return HttpTestClient.local(port).request("POST", "/api/organizations/company-surveys?organizationId="
                + organizationId + "&dryRun=" + dryRun).token(token)
                .multipart("file", name, "application/octet-stream", file).send();
    }

    private JsonNode coverage(String organizationId, String by, String token) {
        return get("/api/organizations/" + organizationId + "/insurance-coverage?by=" + by, token).expect(200);
    }

    private static void add(Map<String, long[]> sums, String key, long workers, long social, long injury) {
        long[] sum = sums.computeIfAbsent(key, k -> new long[3]);
        sum[0] += workers;
        sum[1] += social;
        sum[2] += injury;
    }

    private static Map<String, List<Long>> flatten(Map<String, long[]> sums) {
        Map<String, List<Long>> flat = new TreeMap<>();
        sums.forEach((k, s) -> flat.put(k, List.of(s[0], s[1], s[2])));
        return flat;
    }

    private static Map<String, List<Long>> sums(JsonNode lines) {
        Map<String, List<Long>> flat = new TreeMap<>();
        lines.forEach(l -> flat.put(l.get("key").asString(), List.of(l.get("workers").asLong(),
                l.get("socialInsured").asLong(), l.get("workInjuryInsured").asLong())));
        return flat;
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("企业");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
