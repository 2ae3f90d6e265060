package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionplatform.e2e.pages.PageTest;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import com.microsoft.playwright.options.WaitForSelectorState;

import tools.jackson.databind.JsonNode;

/**
 * 维权求助 through the gateway in a browser: a worker who is not a member confirms their phone (the code read from the
 * development SMS sender's log) and files a case with a photo from the phone; it reaches the platform's union that
 * dispatch picks; the union's organizer accepts, investigates, mediates (a meeting recorded) and closes it in the
 * console; the worker sees each step; a case left filed past its deadline (45 s in this platform) is escalated to the
 * district federation; an organizer of another union sees nothing of it. Phone 375x812, console 1440x900 and
 * 1024x768, each screen checked by axe.
 */
class HelpCasePageIT extends PageTest {

    private static MembershipFixture fixture;

    @BeforeAll
    static void unions() {
        fixture = new MembershipFixture("渭南", "610000", "610500", "610502");
    }

    @Test
    void aWorkerWhoIsNoMemberFilesWithAPhotoTheUnionMediatesAndClosesAndAnOverdueCaseEscalates() {
        String handlerName = "e2e-help-handler-" + fixture.run;
        expect(fixture.post("/api/auth/accounts", fixture.admin, Map.of("username", handlerName, "password",
                fixture.password, "roles", List.of("ORGANIZER"), "orgId", fixture.union.id(), "orgPath",
                fixture.union.path())), 201);
        MembershipFixture.Org otherUnion = fixture.create(fixture.organizer, "渭南另一工会（" + fixture.run + "）",
                "ENTERPRISE_UNION", "610502", fixture.district.id());
        String outsider = fixture.staff("ORGANIZER", otherUnion);
        String phone = "137" + String.format("%08d", (int) (Math.random() * 100_000_000));

        BrowserContext worker = phone();
        Page mobile = worker.newPage();
        mobile.setDefaultTimeout(90_000);
        mobile.navigate("/m/index.html");
        mobile.getByText("维权求助").first().click();
        mobile.waitForURL("**/m/help.html");
        mobile.getByLabel("手机号").fill(phone);
        mobile.locator("#send-code").click();
        mobile.getByLabel("短信验证码").fill(awaitCode("one-time code for phone " + masked(phone)));
        check(mobile, "help-verify");
        mobile.locator("#verify").click();
        mobile.locator("#file-form").waitFor();
        mobile.getByLabel("遇到了什么问题").selectOption("UNPAID_PAY");
        mobile.getByLabel("涉及的公司或平台").fill("渭南某配送服务有限公司");
        mobile.getByLabel("所在平台（可不选）").selectOption("其他平台");
        mobile.getByLabel("平台名称").fill(fixture.platformName);
        mobile.getByLabel("职业类别").selectOption("DELIVERY_RIDER");
        mobile.waitForSelector("#city option:has-text('渭南市')", new Page.WaitForSelectorOptions().setState(
                WaitForSelectorState.ATTACHED));
        mobile.locator("#city").selectOption(new SelectOption().setLabel("渭南市"));
        mobile.waitForSelector("#county option:has-text('临渭区')", new Page.WaitForSelectorOptions().setState(
                WaitForSelectorState.ATTACHED));
        mobile.locator("#county").selectOption(new SelectOption().setLabel("临渭区"));
        mobile.getByLabel("发生了什么").fill("十月份送了两百多单，配送站一直拖着不发工资，站长说等平台结算。");
        mobile.locator("#photos").setInputFiles(new FilePayload("工资条.jpg", "image/jpeg", photo()));
        mobile.getByLabel("称呼").fill("刘师傅");
        assertThat(mobile.getByLabel("联系电话").inputValue()).isEqualTo(phone);
        check(mobile, "help-file");
        mobile.locator("#submit-case").click();
        mobile.locator("#case:not([hidden])").waitFor();
        String caseId = mobile.locator("[data-field=id]").textContent();
        assertThat(mobile.locator("[data-field=organization]").textContent()).isEqualTo(fixture.union.name());
        assertThat(mobile.locator("#case-files li").count()).isEqualTo(1);
        check(mobile, "help-case-filed");

        // The union's organizer in the console.
        BrowserContext desk = desktop(1440, 900);
        Page console = desk.newPage();
        console.setDefaultTimeout(90_000);
        console.navigate("/console/#cases");
        console.getByLabel("账号").fill(handlerName);
        console.getByLabel("密码").fill(fixture.password);
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        console.locator("tr[data-key='" + caseId + "']").waitFor();
        check(console, "console-cases-1440");
        console.locator("tr[data-key='" + caseId + "'] button").click();
        console.locator("#accept").click();
        console.locator("li[data-step=ACCEPTED]").waitFor();
        assertThat(workerSteps(mobile)).contains("ACCEPTED");

        console.locator("form[data-form=investigation] textarea").fill("调取了派单记录和工资条");
        console.locator("form[data-form=investigation] button").click();
        console.locator("li[data-step=INVESTIGATING]").waitFor();
        console.locator("form[data-form=note] textarea").fill("站长称平台未结算，内部备注");
        console.locator("form[data-form=note] button").click();
        console.locator("[data-list=notes] li").waitFor();
        console.locator("form[data-form=mediation] button").click();
        console.locator("li[data-step=MEDIATION]").waitFor();
        assertThat(workerSteps(mobile)).contains("INVESTIGATING", "MEDIATION");

        console.locator("#meeting-at").fill(java.time.LocalDateTime.now(MembershipFixture.BEIJING).minusHours(1)
                .withSecond(0).withNano(0).toString().substring(0, 16));
        console.locator("#meeting-with").fill("渭南某配送服务有限公司");
        console.locator("#meeting-outcome").fill("公司同意三日内补发十月工资3200元");
        console.locator("form[data-form=meeting] button").click();
        console.locator("li[data-meeting]").waitFor();
        check(console, "console-case-mediation-1440");
        console.locator("#closing-outcome").selectOption("RESOLVED");
        console.locator("#closing-amount").fill("3200");
        console.locator("#closing-summary").fill("工资已补发到账");
        console.locator("form[data-form=closing] button").click();
        console.locator("li[data-step='CLOSED:RESOLVED']").waitFor();

        List<String> steps = workerSteps(mobile);
        assertThat(steps).contains("FILED", "ACCEPTED", "INVESTIGATING", "MEDIATION", "CLOSED:RESOLVED");
        assertThat(mobile.locator("#case").textContent()).contains("公司同意三日内补发十月工资3200元")
                .contains("3200.00 元").doesNotContain("内部备注").doesNotContain(handlerName);
        check(mobile, "help-case-closed");

        // A second worker's case, left filed: the deadline passes and it goes to the district federation.
        String secondPhone = "136" + phone.substring(3);
        HttpTestClient own = HttpTestClient.at(fixture.platform.gateway());
        own.post("/api/members/help/codes", null, Map.of("phone", secondPhone));
        String code = awaitCode("one-time code for phone " + masked(secondPhone));
        String session = expect(own.post("/api/members/help/sessions", null, Map.of("phone", secondPhone, "code", code)),
                200).get("helpToken").asString();
        String overdue = expect(own.request("POST", "/api/members/help/my-cases").header("X-Help-Session", session)
                .json(Map.of("kind", "PLATFORM_PENALTY", "company", "某外卖平台", "platform", fixture.platformName,
                        "workerType", "DELIVERY_RIDER", "divisionCode", "610502",
                        "description", "超时被罚款200元，实际是商家出餐慢", "contactPhone", secondPhone)).send(), 201)
                .get("id").asString();
        JsonNode escalated = await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                .until(() -> expect(fixture.gateway.get("/api/members/help/cases/" + overdue, fixture.organizer), 200),
                        c -> !c.get("escalation").isNull());
        assertThat(escalated.get("escalation").get("organizationId").asString()).isEqualTo(fixture.district.id());

        BrowserContext small = desktop(1024, 768);
        Page narrow = small.newPage();
        narrow.setDefaultTimeout(90_000);
        narrow.navigate("/console/#cases?escalated=true");
        narrow.getByLabel("账号").fill(handlerName);
        narrow.getByLabel("密码").fill(fixture.password);
        narrow.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        narrow.locator("h2#cases-title").waitFor();
        assertThat(narrow.locator("tr[data-key='" + overdue + "']").count()).as("not escalated to the union").isZero();
        narrow.navigate("/console/#cases");
        narrow.locator("tr[data-key='" + overdue + "']").waitFor();
        assertThat(narrow.locator("tr[data-key='" + overdue + "']").textContent()).contains("已超期");
        check(narrow, "console-cases-overdue-1024");
        narrow.locator("tr[data-key='" + caseId + "'] button").click();
        narrow.locator("li[data-step='CLOSED:RESOLVED']").waitFor();
        check(narrow, "console-case-closed-1024");

        // An organizer of another union: nothing.
        for (String id : List.of(caseId, overdue)) {
            assertThat(fixture.gateway.get("/api/members/help/cases/" + id, outsider).status()).isEqualTo(404);
            assertThat(fixture.gateway.get("/api/members/help/cases/" + id + "/attachments/x", outsider).status())
                    .isEqualTo(404);
        }
        HttpAnswer list = fixture.gateway.get("/api/members/help/cases?size=200", outsider);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(caseId).doesNotContain(overdue);
    }

    /** The worker's page reopened: the steps of the case as it shows them. */
    private static List<String> workerSteps(Page mobile) {
        String caseId = mobile.locator("[data-field=id]").textContent();
        mobile.reload();
        mobile.locator("[data-case='" + caseId + "']").click();
        mobile.locator("#case:not([hidden]) [data-field=id]").waitFor();
        return mobile.locator("#case-steps li").all().stream().map(li -> li.getAttribute("data-step")).toList();
    }

    private static byte[] photo() {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(240, 240, 230));
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(40, 40, 560, 30);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest code the development SMS sender wrote to membership-service's log after {@code prefix}. */
    private static String awaitCode(String prefix) {
        Pattern line = Pattern.compile(Pattern.quote(prefix) + ": (\\d{6})");
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Matcher found = line.matcher(read(fixture.platform.log("membership-service")));
            String last = null;
            while (found.find()) {
                last = found.group(1);
            }
            return last;
        }, code -> code != null);
    }

    private static String read(java.nio.file.Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String masked(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }
}
