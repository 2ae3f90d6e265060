package org.unionplatform.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionplatform.e2e.UnionTree;
import org.unionplatform.testsupport.http.HttpAnswer;
import tools.jackson.databind.JsonNode;

/**
 * The organizer's console beyond its overview, in Chromium through the gateway: the application queue (a re-assignment
 * first, then an approval and a rejection), the bulk enrolment wizard (a roster whose resident ID column has a name
 * nobody lists, fixed in the wizard, checked, enrolled with a progress bar, its report downloaded) and the overview's
 * members-by-type table then equal to the API's figures, the monthly report on screen equal to its XLSX download cell
 * by cell, and the companies, founding and target screens. Every screen at 1440x900 and 1024x768.
 *
 * <p>The tree is in Urumqi (650100, Tianshan 650102), where no other journey builds one.
 */
class ConsoleOrganizingPageIT extends PageTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Duration SETTLED = Duration.ofSeconds(180);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static UnionTree tree;
    private static String organizer;
    private static String username;

    @BeforeAll
    static void aCityWithItsOrganizer() {
        tree = UnionTree.build(new UnionTree.Divisions("650000", "新疆维吾尔自治区", "650100", "乌鲁木齐市", "650102",
                "天山区"));
        organizer = tree.staff("ORGANIZER", tree.city);
        username = "e2e-organizer-" + tree.city.id();
        // The first member also makes the union known to membership-service (the dispatch answer names it).
        tree.enrol(organizer, "DELIVERY_RIDER");
    }

    @Test
    void theQueueHandsAnUnmatchedApplicationToAUnionFirstThenApprovesAndRejects() {
        String unmatched = file("TRUCK_DRIVER", "无名平台-" + tree.run, "AWAITING_REASSIGNMENT");
        String toApprove = file("DELIVERY_RIDER", platform(), "PENDING_APPROVAL");
        String toReject = file("DELIVERY_RIDER", platform(), "PENDING_APPROVAL");

        Page page = desktop(1440, 900).newPage();
        signIn(page, "/console/#applications");
        Locator reassign = page.locator("[data-queue='reassign'] tr[data-application='" + unmatched + "']");
        assertThat(reassign).containsText("未匹配");
        assertThat(page.locator("[data-queue='pending'] tr[data-application='" + toApprove + "']")).isVisible();
        check(page, "console-applications-1440");

        reassign.getByLabel("分派给").selectOption(tree.union.id());
        reassign.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("分派")).click();
        assertThat(reassign.getByRole(AriaRole.ALERT)).hasText("请填写分派理由");
        reassign.getByLabel("分派理由").fill("货车司机暂由平台工会接收");
        reassign.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("分派")).click();
        Locator handed = page.locator("[data-queue='pending'] tr[data-application='" + unmatched + "']");
        assertThat(handed).containsText(tree.union.name());
        assertThat(page.locator("[data-queue='reassign'] tr[data-application='" + unmatched + "']")).hasCount(0);
        JsonNode reassigned = application(unmatched);
        assertThat(reassigned.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(reassigned.get("organizationId").asString()).isEqualTo(tree.union.id());
        assertThat(reassigned.get("dispatchRule").asString()).isEqualTo("REASSIGNED");

        Locator approving = page.locator("tr[data-application='" + toApprove + "']");
        approving.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("批准")).click();
        assertThat(approving).hasCount(0);
        assertThat(application(toApprove).get("status").asString()).isEqualTo("APPROVED");
        assertThat(application(toApprove).get("memberId").isNull()).isFalse();

        Locator rejecting = page.locator("tr[data-application='" + toReject + "']");
        rejecting.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("驳回")).click();
        rejecting.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("确认驳回")).click();
        assertThat(rejecting.getByRole(AriaRole.ALERT)).hasText("请填写不予批准的理由");
        rejecting.getByLabel("驳回理由").fill("身份信息与本人不符");
        rejecting.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("确认驳回")).click();
        assertThat(rejecting).hasCount(0);
        JsonNode rejected = application(toReject);
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejectionReason").asString()).isEqualTo("身份信息与本人不符");

        Page small = desktop(1024, 768).newPage();
        signIn(small, "/console/#applications");
        assertThat(small.locator("[data-queue='pending'] tr[data-application='" + unmatched + "']")).isVisible();
        check(small, "console-applications-1024");
    }

    @Test
    void aRosterWithAnUnknownColumnIsFixedInTheWizardEnrolledAndCountedOnTheOverview() throws IOException {
        // A union of its own, so its members by type are this roster's only.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "天山区快递外卖联合工会（" + tree.run + "）");
        body.put("kind", "JOINT_UNION");
        body.put("divisionCode", "650102");
        body.put("workerTypes", List.of("DELIVERY_RIDER", "COURIER"));
        body.put("parentId", tree.district.id());
        String union = expect(tree.post("/api/organizations", organizer, body), 201).get("id").asString();
        await("membership-service knows the new union").atMost(SETTLED).pollInterval(Duration.ofSeconds(2))
                .until(() -> tree.gateway.request("POST", "/api/members/bulk-enrolments?dryRun=true&organizationId="
                        + union).token(organizer).multipart("file", "probe.csv", "text/csv",
                        "姓名,身份证号,手机号,职业\n".getBytes(StandardCharsets.UTF_8)).send().status() == 202);

        String[][] people = {{"李骑手", residentId("650102"), mobile(), "外卖骑手"},
            {"王骑手", residentId("650102"), mobile(), "众包骑手"},
            {"赵快递", residentId("650102"), mobile(), "快递小哥"},
            {"钱某", residentId("650102"), "1380000", "外卖骑手"}};
        StringBuilder csv = new StringBuilder("序号,骑手姓名,身份凭证号,联系电话,岗位,所属平台,工作区域\n");
        for (int i = 0; i < people.length; i++) {
            csv.append(String.join(",", String.valueOf(i + 1), people[i][0], people[i][1], people[i][2], people[i][3],
                    "美团", "650102")).append('\n');
        }
        Path roster = Files.createTempFile("roster-", ".csv");
        Files.writeString(roster, csv, StandardCharsets.UTF_8);

        Page page = desktop(1440, 900).newPage();
        signIn(page, "/console/#bulk?org=" + union);
        check(page, "console-bulk-upload-1440");
        page.getByLabel("花名册文件").setInputFiles(roster);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("检查花名册（不会入会）")).click();
        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("花名册无法读取");
        assertThat(page.locator("tr[data-column='身份凭证号']")).containsText("未读取");
        check(page, "console-bulk-unreadable-1440");

        page.getByLabel("“身份凭证号”读作").selectOption("residentId");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("按修改后的对应关系重新检查")).click();
        assertThat(page.locator("tr[data-column='身份凭证号']")).containsText("您指定的");
        assertThat(page.locator("tr[data-column='骑手姓名']")).containsText("按列名识别");
        Locator firstRows = page.locator("table[data-list='first-rows']");
        assertThat(firstRows).containsText("李骑手");
        assertThat(firstRows).not().containsText(people[0][1]);
        check(page, "console-bulk-mapping-1440");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("对应关系无误，查看每行结果")).click();
        assertThat(page.locator("[data-figure='wouldEnrol']")).hasText("3");
        assertThat(page.locator("[data-figure='rejected']")).hasText("1");
        assertThat(page.locator("table[data-list='outcomes'] tbody tr")).hasCount(4);
        assertThat(page.locator("tr[data-line='5']")).containsText("未入会");
        check(page, "console-bulk-outcomes-1440");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认入会（3 人）")).click();
        Locator done = page.locator("[data-enrolment]");
        assertThat(done).containsText("入会 3 人");
        assertThat(done).containsText("未入会 1 人");
        check(page, "console-bulk-done-1440");
        Download report = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("下载入会结果（CSV）")).click());
        assertThat(report.suggestedFilename()).startsWith("入会结果-").endsWith(".csv");
        String reportText = Files.readString(report.path(), StandardCharsets.UTF_8);
        assertThat(reportText).startsWith("\uFEFF行号,列名,结果,原因,结果代码,原因代码").contains("未入会");

        // The overview follows the members' events: reload until it shows 2 riders and 1 courier, then equal the API.
        Map<String, Long> expected = Map.of("DELIVERY_RIDER", 2L, "COURIER", 1L);
        int[] reads = {0};
        await("the overview shows the roster's members").atMost(SETTLED).pollInterval(Duration.ofSeconds(3))
                .ignoreExceptions()
                .until(() -> {
                    // A new address each time (a reload would sign out: the session lives in the tab's memory).
                    page.navigate("/console/#overview?org=" + union + "&read=" + (++reads[0]));
                    // The screen draws into a new box each time: wait for this reading's table, not the last one's.
                    page.locator("table[data-chart='members-by-type']").waitFor();
                    return membersByType(page).equals(expected);
                });
        JsonNode summary = expect(tree.gateway.get("/api/organizations/" + union + "/summary", organizer), 200);
        Map<String, Long> fromApi = new LinkedHashMap<>();
        summary.get("membersByWorkerType").properties().forEach(e -> {
            if (e.getValue().asLong() != 0) {
                fromApi.put(e.getKey(), e.getValue().asLong());
            }
        });
        assertThat(membersByType(page)).isEqualTo(fromApi).isEqualTo(expected);

        Page small = desktop(1024, 768).newPage();
        signIn(small, "/console/#bulk?org=" + union);
        check(small, "console-bulk-upload-1024");
    }

    @Test
    void theMonthlyReportOnScreenEqualsItsXlsxDownloadCellByCell() throws IOException {
        Page page = desktop(1440, 900).newPage();
        signIn(page, "/console/#report");
        Locator months = page.locator("table[data-report='months']");
        assertThat(months).containsText(tree.city.name());
        check(page, "console-report-1440");
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("下载 Excel 月报")).click());
        assertThat(download.suggestedFilename()).startsWith(tree.city.name()).endsWith("建会入会月报.xlsx");
        List<List<String>> workbook = new ArrayList<>();
        try (InputStream in = Files.newInputStream(download.path()); XSSFWorkbook xlsx = new XSSFWorkbook(in)) {
            Sheet sheet = xlsx.getSheet("月报");
            // Row 0 is the title (the screen's caption), row 1 the time it was made; the figures start at row 3.
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(months.locator("caption").innerText());
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                List<String> cells = cells(sheet.getRow(r));
                if (!cells.isEmpty()) {
                    workbook.add(cells);
                }
            }
        }
        List<List<String>> screen = screenRows(page);
        assertThat(screen).as("the report on screen, row by row").isEqualTo(workbook);
        assertThat(screen).hasSizeGreaterThan(LocalDate.now(BEIJING).getMonthValue() + 6);

        // Another organisation's report: the API's 404, said on the page.
        page.navigate("/console/#report?org=" + tree.city.path().split("/")[1]);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("没有找到要查的内容");

        Page small = desktop(1024, 768).newPage();
        signIn(small, "/console/#report");
        assertThat(small.locator("table[data-report='months']")).isVisible();
        check(small, "console-report-1024");
    }

    @Test
    void companiesFoundingsAndTargetsAreWorkedOnTheirScreens() {
        String company = expect(tree.post("/api/organizations/companies", organizer, company()), 201).get("id")
                .asString();
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("parentId", tree.district.id());
        start.put("name", "天山区网约车司机联合工会（" + tree.run + "）");
        start.put("kind", "JOINT_UNION");
        start.put("divisionCode", "650102");
        start.put("workerTypes", List.of("RIDE_HAILING_DRIVER"));
        start.put("companyIds", List.of(company));
        String founding = expect(tree.post("/api/organizations/foundings", organizer, start), 201).get("id")
                .asString();
        int year = LocalDate.now(BEIJING).getYear();
        String admin = tree.signIn("admin", platform.adminPassword());
        expect(tree.gateway.put("/api/organizations/" + tree.city.id() + "/targets/" + year, admin,
                Map.of("newMembers", Map.of("DELIVERY_RIDER", 100, "COURIER", 40), "unionsFounded", 3)), 200);

        for (int width : new int[] {1440, 1024}) {
            Page page = desktop(width, width == 1440 ? 900 : 768).newPage();
            signIn(page, "/console/#companies");
            Locator watched = page.locator("table[data-list='watch-list'] tr[data-company='" + company + "']");
            assertThat(watched).containsText(width == 1440 ? "未跟进" : "已跟进");
            assertThat(watched).containsText(width == 1440 ? "第 0 / 10 步" : "第 1 / 10 步");
            check(page, "console-companies-" + width);

            page.navigate("/console/#foundings");
            assertThat(page.locator("tr[data-founding='" + founding + "']")).isVisible();
            check(page, "console-foundings-" + width);
            page.navigate("/console/#foundings?founding=" + founding);
            assertThat(page.locator("li[aria-current='step']")).hasAttribute("data-step",
                    width == 1440 ? "IMPLEMENTATION_PLAN" : "MEMBER_REGISTRATION");
            check(page, "console-founding-wizard-" + width);

            page.navigate("/console/#targets");
            assertThat(page.locator("table[data-chart='target-progress'] tr[data-key='DELIVERY_RIDER'] td").first())
                    .hasText("100");
            check(page, "console-targets-" + width);

            if (width == 1440) {
                // A follow-up, the founding's first step and a split, each through its form.
                page.navigate("/console/#companies");
                watched.getByLabel("跟进情况").fill("与平台人事部门座谈，约定下周提交会员登记表");
                watched.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("记录跟进")).click();
                assertThat(watched).containsText("已跟进");

                page.navigate("/console/#foundings?founding=" + founding);
                Locator current = page.locator("li[aria-current='step']");
                current.getByLabel("说明").fill("实施方案经区总工会审定");
                current.getByRole(AriaRole.BUTTON).click();
                assertThat(page.locator("li[data-step='IMPLEMENTATION_PLAN']")).containsText("已办理");
                assertThat(page.locator("li[aria-current='step']")).hasAttribute("data-step", "MEMBER_REGISTRATION");

                page.navigate("/console/#targets");
                page.getByLabel(tree.district.name() + " 网约配送员").fill("60");
                assertThat(page.locator("td[data-left='DELIVERY_RIDER']")).hasText("40");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存分解")).click();
                assertThat(page.locator("[role='status']")).containsText("已保存目标分解");
                JsonNode target = expect(tree.gateway.get("/api/organizations/" + tree.district.id() + "/targets/"
                        + year, organizer), 200);
                assertThat(target.get("newMembers").get("DELIVERY_RIDER").asLong()).isEqualTo(60);
            }
        }
        JsonNode after = expect(tree.gateway.get("/api/organizations/foundings/" + founding, organizer), 200);
        assertThat(after.get("steps").size()).isEqualTo(1);
        assertThat(after.get("nextStep").asString()).isEqualTo("MEMBER_REGISTRATION");
    }

    // ---- the page ----

    private static void signIn(Page page, String address) {
        page.navigate(address);
        page.getByLabel("账号").fill(username);
        page.getByLabel("密码").fill(UnionTree.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        assertThat(page.locator("#tabs")).isVisible();
    }

    /** The overview's members-by-type table: worker type -> the count in the row's last cell (zero rows left out). */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> membersByType(Page page) {
        Map<String, Object> read = (Map<String, Object>) page.evaluate("() => Object.fromEntries(Array.from("
                + "document.querySelectorAll('table[data-chart=\"members-by-type\"] tr[data-key]'), tr => "
                + "[tr.dataset.key, tr.lastElementChild.textContent.trim()]))");
        Map<String, Long> counts = new LinkedHashMap<>();
        read.forEach((type, count) -> {
            long value = Long.parseLong(String.valueOf(count).replace(",", ""));
            if (value != 0) {
                counts.put(type, value);
            }
        });
        return counts;
    }

    /** Every row of the report's tables as cell texts, empty cells at the end left out. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> screenRows(Page page) {
        List<List<String>> rows = (List<List<String>>) page.evaluate("() => Array.from("
                + "document.querySelectorAll('table[data-report] tr'), tr => Array.from(tr.children, c => c.textContent.trim()))");
        List<List<String>> kept = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>(row);
            while (!cells.isEmpty() && cells.getLast().isEmpty()) {
                cells.removeLast();
            }
            if (!cells.isEmpty()) {
                kept.add(cells);
            }
        }
        return kept;
    }

    /** A workbook row as text: numbers as written plainly (5, 12.5, -3), blanks empty, trailing blanks left out. */
    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        if (row == null) {
            return cells;
        }
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            if (cell == null || cell.getCellType() == CellType.BLANK) {
                cells.add("");
            } else if (cell.getCellType() == CellType.NUMERIC) {
                cells.add(BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString());
            } else {
                cells.add(cell.getStringCellValue().trim());
            }
        }
        while (!cells.isEmpty() && cells.getLast().isEmpty()) {
            cells.removeLast();
        }
        return cells;
    }

    // ---- the API ----

    private static String platform() {
        return "e2e-platform-" + tree.run;
    }

    /** An application filed by the organizer, once dispatch placed it (status). */
    private static String file(String workerType, String platform, String status) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", "申请" + RANDOM.nextInt(10_000));
        details.put("residentId", residentId("650102"));
        details.put("phone", mobile());
        details.put("workerType", workerType);
        details.put("platform", platform);
        details.put("divisionCode", "650102");
        HttpAnswer filed = tree.post("/api/members/applications/by-organizer", organizer, details);
        assertThat(filed.status()).as(filed.body()).isIn(201, 202);
        String id = filed.json().get("applicationId").asString();
        await("dispatch of " + id).atMost(SETTLED).pollInterval(Duration.ofSeconds(1))
                .until(() -> status.equals(application(id).get("status").asString()));
        return id;
    }

    private static JsonNode application(String id) {
        return expect(tree.gateway.get("/api/members/applications/" + id, organizer), 200);
    }

    private static Map<String, Object> company() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("creditCode", creditCode("650102"));
        body.put("name", "天山区网约车平台公司（" + tree.run + "）");
        body.put("type", "PLATFORM");
        body.put("platform", "e2e-ride-" + tree.run);
        body.put("divisionCode", "650102");
        body.put("organizationId", tree.district.id());
        body.put("headcount", Map.of("RIDE_HAILING_DRIVER", 120));
        body.put("keyPlatform", true);
        return body;
    }

    private static String mobile() {
        return "13" + String.format("%09d", RANDOM.nextInt(1_000_000_000));
    }

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** A valid GB 11643 number of someone born 1970-2000 in the region. */
    private static String residentId(String region) {
        LocalDate born = LocalDate.of(1970, 1, 1).plusDays(RANDOM.nextInt(11_000));
        String first17 = region + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d",
                RANDOM.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** A valid GB 32100 code: weights 3^i mod 31, check = (31 - sum mod 31) mod 31. */
    private static String creditCode(String division) {
        StringBuilder first17 = new StringBuilder("91" + division);
        while (first17.length() < 17) {
            first17.append(CREDIT_CODE_ALPHABET.charAt(RANDOM.nextInt(31)));
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return first17.toString() + CREDIT_CODE_ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
