package org.unionplatform.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.unionplatform.e2e.UnionTree;
import tools.jackson.databind.JsonNode;

/**
 * The desk's other screens on a desktop screen, each at 1440x900 and 1024x768: the officer's union named in the
 * header; a member found by showing the e-card's QR code to the webcam (the camera and the browser's QR reader are
 * stand-ins, the token is the member's real one, verified by the member service); the grants list by member name
 * and card number, downloaded as XLSX; an approved claim paid out with its transfer reference; the welcome-pack
 * waiting list in queue order; every program's gauges with their table, equal to the API's figures.
 */
class DeskScreensPageIT extends PageTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void theOfficerScansAnECardPaysAClaimAndReadsTheWaitingListAndTheBudgets() throws Exception {
        UnionTree tree = UnionTree.build(new UnionTree.Divisions("640000", "宁夏回族自治区", "640100", "银川市", "640104",
                "兴庆区"));
        String organizer = tree.staff("ORGANIZER", tree.city);
        String officer = tree.staff("BENEFIT_OFFICER", tree.city);
        String username = "e2e-benefit-officer-" + tree.city.id();
        String welcome = openProgram(tree, officer, welcomePacks(tree));
        UnionTree.Member first = tree.enrol(organizer, "DELIVERY_RIDER");
        UnionTree.Member second = tree.enrol(organizer, "COURIER");
        String gift = openProgram(tree, officer, coolingGift(tree));
        JsonNode grant = expect(tree.gateway.request("POST", "/api/benefits/programs/" + gift + "/grants")
                .token(officer).idempotencyKey(UUID.randomUUID().toString()).json(Map.of("memberId", second.id()))
                .send(), 201);
        String insurance = openProgram(tree, officer, insurance(tree));
        String claim = expect(tree.post("/api/benefits/programs/" + insurance + "/claims", officer, Map.of("memberId",
                first.id(), "amountFen", 30_000L, "description", "送餐途中摔伤", "attachments", List.of())), 201)
                .get("id").asString();
        expect(tree.post("/api/benefits/claims/" + claim + "/approval", officer, Map.of("amountFen", 12_000L,
                "reason", "票据只覆盖 120 元")), 200);
        await("both riders on the welcome waiting list").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1)).until(() -> expect(tree.gateway.get(
                        "/api/benefits/welcome-queue?programId=" + welcome, officer), 200).get("totalItems").asLong() == 2);

        BrowserContext context = desktop(1440, 900);
        // Headless Chromium on Linux has neither a camera nor a QR reader: a blank camera and a reader that sees the
        // first member's real e-card token stand in for them.
        context.addInitScript(webcamShowing(first.qrToken()));
        Page page = context.newPage();
        page.navigate("/desk/");
        signIn(page, username);
        assertThat(page.locator("#who [data-scope]")).hasText(tree.city.name());

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("扫会员码（摄像头）")).click();
        assertThat(page.locator("#member-card-number")).hasText(first.cardNumber());
        check(page, "desk-scan-1440");

        tab(page, "发放记录");
        Locator row = page.locator("tr[data-grant='" + grant.get("id").asString() + "']");
        assertThat(row.locator("td[data-member]")).containsText("卡号 " + second.cardNumber());
        assertThat(row).not().containsText(second.id());
        check(page, "desk-grants-names-1440");
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("下载 Excel")).click());
        assertThat(download.suggestedFilename()).isEqualTo("发放记录.xlsx");
        byte[] workbook = Files.readAllBytes(download.path());
        assertThat(new String(workbook, 0, 2)).as("an XLSX (zip) file").isEqualTo("PK");

        tab(page, "理赔审核");
        Locator payout = page.locator("[data-payout='" + claim + "']");
        assertThat(payout).containsText("批准金额¥120.00");
        assertThat(payout).containsText("卡号 " + first.cardNumber());
        check(page, "desk-payout-1440");
        payout.getByLabel("转账凭证号").fill("ICBC-20261202-0001");
        payout.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("登记支付")).click();
        assertThat(payout).hasCount(0);
        JsonNode paid = expect(tree.gateway.get("/api/benefits/claims/" + claim, officer), 200);
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("payoutReference").asString()).isEqualTo("ICBC-20261202-0001");

        tab(page, "入会礼包");
        Locator waiting = page.locator("table[data-list='welcome-queue'] tbody tr");
        assertThat(waiting).hasCount(2);
        assertThat(waiting.nth(0)).hasAttribute("data-member", first.id());
        assertThat(waiting.nth(1)).hasAttribute("data-member", second.id());
        assertThat(waiting.nth(0)).containsText("卡号 " + first.cardNumber());
        check(page, "desk-welcome-1440");

        tab(page, "项目预算");
        JsonNode ledger = expect(tree.gateway.get("/api/benefits/programs/" + insurance, officer), 200);
        assertThat(ledger.get("availableFen").asLong()).isEqualTo(100_000L - 12_000L);
        assertThat(page.locator("table[data-chart='program-budgets'] tr[data-key='" + insurance + "'] td[data-fen]"))
                .hasAttribute("data-fen", Long.toString(ledger.get("availableFen").asLong()));
        assertThat(page.locator("[data-program='" + insurance + "'] [data-gauge='预算']"))
                .hasAttribute("data-left", Long.toString(ledger.get("availableFen").asLong()));
        check(page, "desk-programs-1440");

        Page small = desktop(1024, 768).newPage();
        small.navigate("/desk/");
        signIn(small, username);
                for (String[] screen : List.of(new String[] {"发放记录", "desk-grants-names"}, new String[] {"理赔审核", "desk-payout"},
                new String[] {"入会礼包", "desk-welcome"}, new String[] {"项目预算", "desk-programs"})) {
            tab(small, screen[0]);
            assertThat(small.locator("[data-screen][aria-current='page']")).hasText(screen[0]);
            assertThat(small.locator("#main h2").first()).isVisible();
            check(small, screen[1] + "-1024");
        }
    }

    /** A camera that shows a blank picture and a QR reader that reads {@code token} from it. */
    private static String webcamShowing(String token) {
        return """
                window.BarcodeDetector = class { async detect() { return [{ rawValue: %s }]; } };
                if (navigator.mediaDevices) {
                  navigator.mediaDevices.getUserMedia = async () => {
                    const canvas = document.createElement('canvas');
                    canvas.getContext('2d').fillRect(0, 0, 300, 150);
                    return canvas.captureStream();
                  };
                }
                HTMLMediaElement.prototype.play = function () { return Promise.resolve(); };
                """.formatted(UnionTree.json(token));
    }

    private static void tab(Page page, String label) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label).setExact(true)).click();
        assertThat(page.locator("[data-screen][aria-current='page']")).hasText(label);
    }

    private static void signIn(Page page, String username) {
        page.getByLabel("账号").fill(username);
        page.getByLabel("密码").fill(UnionTree.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        assertThat(page.getByLabel("会员卡号、手机号或姓名")).isVisible();
    }

    private static Map<String, Object> welcomePacks(UnionTree tree) {
        Map<String, Object> body = period(tree, "入会礼包（" + tree.run + "）", "WELCOME_PACK", tree.union);
        body.put("stock", 0);
        body.put("itemName", "入会礼包");
        return body;
    }

    private static Map<String, Object> coolingGift(UnionTree tree) {
        Map<String, Object> body = period(tree, "夏送清凉（" + tree.run + "）", "SEASONAL_CAMPAIGN", tree.city);
        body.put("season", "SUMMER_COOLING");
        body.put("budgetFen", 50_000L);
        body.put("amountPerGrantFen", 5_000L);
        return body;
    }

    private static Map<String, Object> insurance(UnionTree tree) {
        Map<String, Object> body = period(tree, "骑手意外互助保障（" + tree.run + "）", "MUTUAL_AID_INSURANCE", tree.city);
        body.put("budgetFen", 100_000L);
        body.put("perClaimCeilingFen", 20_000L);
        return body;
    }

    private static Map<String, Object> period(UnionTree tree, String name, String kind, UnionTree.Org owner) {
        LocalDate today = LocalDate.now(BEIJING);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("organizationId", owner.id());
        body.put("orgPath", owner.path());
        body.put("startsOn", today.minusDays(1).toString());
        body.put("endsOn", today.plusDays(30).toString());
        return body;
    }

    private static String openProgram(UnionTree tree, String officer, Map<String, Object> body) {
        String id = expect(tree.post("/api/benefits/programs", officer, body), 201).get("id").asString();
        expect(tree.post("/api/benefits/programs/" + id + "/open", officer, null), 200);
        return id;
    }
}
