package org.unionplatform.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.unionplatform.e2e.UnionTree.expect;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.unionplatform.e2e.UnionTree;
import tools.jackson.databind.JsonNode;

/**
 * The organizer's 企业普查 screen (console #surveys) on a desktop screen and a tablet: a survey file checked by a
 * dry run (every row reported, a refused one with its reason), then imported; the coverage table shows the
 * district's figure the API gives; the key platform company's liaison is listed as overdue.
 */
class SurveysPageIT extends PageTest {

    @Test
    void anOrganizerDryRunsAndImportsASurveyAndSeesTheCoverageAndTheLiaisons() {
        UnionTree tree = UnionTree.build(new UnionTree.Divisions("620000", "甘肃省", "620100", "兰州市", "620102",
                "城关区"));
        String organizer = tree.staff("ORGANIZER", tree.city);
        String username = "e2e-organizer-" + tree.city.id();
        String keyPlatform = expect(tree.post("/api/organizations/companies", organizer, Map.of("creditCode",
                code("620102", 0), "name", "兰州某平台公司（" + tree.run + "）", "type", "PLATFORM", "platform", "美团",
                "divisionCode", "620102", "organizationId", tree.city.id(), "keyPlatform", true)), 201)
                .get("id").asString();
        expect(tree.gateway.request("PUT", "/api/organizations/companies/" + keyPlatform + "/liaison").token(organizer)
                .json(Map.of("name", "马联络员")).send(), 200);
        byte[] csv = ("统一社会信用代码,企业名称,企业类型,所属平台,所在区县,快递员人数,参加社会保险人数,参加工伤保险人数\r\n"
                + code("620102", 1) + ",城关快递网点甲,站点/网点,顺丰,620102,20,10,15\r\n"
                + code("620103", 2) + ",七里河快递网点乙,站点/网点,顺丰,620103,10,10,4\r\n"
                + code("620102", 3) + ",城关快递网点丙,站点/网点,顺丰,620102,5,9,1\r\n").getBytes(StandardCharsets.UTF_8);

        for (int[] size : new int[][] {{1440, 900}, {1024, 768}}) {
            String suffix = "-" + size[0];
            BrowserContext context = desktop(size[0], size[1]);
            Page page = context.newPage();
            page.navigate("/console/");
            page.getByLabel("账号").fill(username);
            page.getByLabel("密码").fill(UnionTree.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
            page.locator("button[data-screen='surveys']").click();
            assertThat(page.getByText("导入企业普查表")).isVisible();
            Locator liaisons = page.locator("table[data-chart='liaisons'] tr[data-key='" + keyPlatform + "']");
            assertThat(liaisons).containsText("马联络员");
            assertThat(liaisons).containsText("已逾期");

            if (size[0] == 1440) {
                page.getByLabel("普查表（CSV 或 XLSX，最多 20,000 行）").setInputFiles(
                        new FilePayload("普查.csv", "text/csv", csv));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传")).click();
                Locator report = page.locator("table[data-chart='survey-report']");
                assertThat(report.locator("tr[data-key='2']")).containsText("将新建");
                assertThat(report.locator("tr[data-key='4']")).containsText("超过从业人数");
                assertThat(page.locator(".survey-report [role='status']")).containsText("试运行");
                check(page, "console-surveys-dry-run" + suffix);

                page.getByLabel("试运行：只检查，不写入").uncheck();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传")).click();
                assertThat(page.locator(".survey-report [role='status']")).containsText("已导入");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("刷新覆盖率")).click();
            }
            Locator chengguan = page.locator("table[data-chart='insurance-coverage'] tr[data-key='620102']");
            assertThat(chengguan.locator("td[data-figure='workInjuryInsured']")).hasText("15");
            JsonNode api = expect(tree.gateway.get("/api/organizations/" + tree.city.id()
                    + "/insurance-coverage?by=DISTRICT", organizer), 200);
            assertThat(api.get(0).get("key").asString()).isEqualTo("620102");
            assertThat(api.get(0).get("workInjuryInsured").asLong()).isEqualTo(15);
            check(page, "console-surveys" + suffix);
            context.close();
        }
    }

    /** A credit code of this run (GB 32100 check character). */
    private static String code(String district, int n) {
        String first17 = "91" + district + "E3" + String.format("%07d", (int) (System.nanoTime() % 9_000_000) + n);
        return org.unionplatform.e2e.CompanySurveyJourneyIT.Survey.withCheckCharacter(first17);
    }
}
