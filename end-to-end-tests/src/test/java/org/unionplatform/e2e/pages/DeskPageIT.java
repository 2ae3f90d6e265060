package org.unionplatform.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.unionplatform.e2e.UnionTree.expect;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.unionplatform.e2e.UnionTree;

/**
 * The benefit officer's desk on a desktop screen: sign in, find riders by card number, see why a courier cannot
 * receive a riders' winter gift, and issue it with a double click, with the answer lost after the server issued,
 * and with the browser offline at the click, each retried by the officer: one grant per rider, the budget and
 * stock down once per rider (read through the API), the gauge showing the API's figure. Then the grants list
 * revokes one grant inside its window and the claims queue approves a claim in part with a reason.
 */
class DeskPageIT extends PageTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String GRANTS = "**/api/benefits/programs/*/grants";
    private static final long AMOUNT = 5_000L;
    private static final long BUDGET = 10 * AMOUNT;
    private static final long STOCK = 10;

    @Test
    void anOfficerIssuesAWinterGiftOncePerRiderWhateverTheDoubleClicksAndLostAnswers() {
        UnionTree tree = UnionTree.build(new UnionTree.Divisions("630000", "青海省", "630100", "西宁市", "630102",
                "城东区"));
        String organizer = tree.staff("ORGANIZER", tree.city);
        String officer = tree.staff("BENEFIT_OFFICER", tree.city);
        // UnionTree.staff names its accounts so.
        String username = "e2e-benefit-officer-" + tree.city.id();
        UnionTree.Member doubleClicker = tree.enrol(organizer, "DELIVERY_RIDER");
        UnionTree.Member lostAnswer = tree.enrol(organizer, "DELIVERY_RIDER");
        UnionTree.Member offline = tree.enrol(organizer, "DELIVERY_RIDER");
        UnionTree.Member courier = tree.enrol(organizer, "COURIER");
        String program = openProgram(tree, officer, winterGift(tree));

        BrowserContext context = desktop(1440, 900);
        Page page = context.newPage();
        page.navigate("/desk/");
        assertThat(page.getByLabel("账号")).isVisible();
        check(page, "desk-sign-in-1440");
        signIn(page, username);
        Locator gift = page.locator("[data-program='" + program + "']");
        assertThat(gift).containsText("冬送温暖");
        assertThat(gift).containsText("剩余 ¥500.00 / 共 ¥500.00");
        assertThat(gift).containsText("剩余 10 暖冬包 / 共 10 暖冬包");

        // A courier: the program is for riders, and the desk says so before anyone clicks.
        find(page, courier);
        assertThat(gift.locator("[data-eligible]")).hasText("✗ 不能领取：项目只面向网约配送员，会员是快递员");

        // A double click: the button is one form with one key.
        find(page, doubleClicker);
        assertThat(gift.locator("[data-eligible]")).hasText("✓ 可以领取");
        check(page, "desk-issue-1440");
        List<String> keys = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.method().equals("POST") && request.url().endsWith("/grants")) {
                keys.add(request.headers().get("idempotency-key"));
            }
        });
        gift.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("发放")).dblclick();
        assertThat(gift.locator(".notice.ok")).containsText("✓ 已发放 ¥50.00 1 暖冬包");
        assertThat(keys).as("keys sent for the double click").isNotEmpty().allMatch(keys.getFirst()::equals);

        // The answer lost after the server issued: the retry sends the same key and gets the same grant.
        find(page, lostAnswer);
        keys.clear();
        page.route(GRANTS, route -> {
            route.fetch();
            route.abort();
        });
        gift.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("发放")).click();
        assertThat(gift.locator("[data-uncertain]")).isVisible();
        page.unroute(GRANTS);
        check(page, "desk-answer-lost-1440");
        gift.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("重试发放")).click();
        assertThat(gift.locator(".notice.ok")).containsText("✓ 已发放");
        assertThat(keys).as("the retry's key").hasSize(2).allMatch(keys.getFirst()::equals);

        // Offline at the click: nothing reached the server; the retry with the same key issues.
        find(page, offline);
        keys.clear();
        context.setOffline(true);
        gift.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("发放")).click();
        assertThat(gift.locator("[data-uncertain]")).isVisible();
        context.setOffline(false);
        gift.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("重试发放")).click();
        assertThat(gift.locator(".notice.ok")).containsText("✓ 已发放");
        assertThat(keys).as("the retry's key").isNotEmpty().allMatch(keys.getFirst()::equals);

        for (UnionTree.Member rider : List.of(doubleClicker, lostAnswer, offline)) {
            assertThat(grants(tree, officer, program, rider).get("totalItems").asLong()).as("grants of " + rider.id())
                    .isEqualTo(1);
        }
        assertThat(grants(tree, officer, program, courier).get("totalItems").asLong()).isZero();
        JsonNode ledger = expect(tree.gateway.get("/api/benefits/programs/" + program, officer), 200);
        assertThat(ledger.get("availableFen").asLong()).as("budget down once per rider").isEqualTo(BUDGET - 3 * AMOUNT);
        assertThat(ledger.get("spentFen").asLong()).isEqualTo(3 * AMOUNT);
        assertThat(ledger.get("reservedFen").asLong()).isZero();
        assertThat(ledger.get("stockAvailable").asLong()).as("stock down once per rider").isEqualTo(STOCK - 3);
        assertThat(gift.locator("[data-gauge='预算']")).hasAttribute("data-left", Long.toString(BUDGET - 3 * AMOUNT));
        assertThat(gift.locator("[data-gauge='库存']")).hasAttribute("data-left", Long.toString(STOCK - 3));
        assertThat(gift.locator("[data-eligible]")).containsText("达到上限");

        // 1024x768: the same desk, whole on a tablet-sized screen.
        Page small = desktop(1024, 768).newPage();
        small.navigate("/desk/");
        signIn(small, username);
        find(small, doubleClicker);
        check(small, "desk-issue-1024");

        // The grants list: revoke the offline rider's grant inside its window; the budget and stock come back.
        small.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发放记录")).click();
        String offlineGrant = grants(tree, officer, program, offline).get("items").get(0).get("id").asString();
        Locator row = small.locator("tr[data-grant='" + offlineGrant + "']");
        assertThat(row).containsText("已发放");
        check(small, "desk-grants-1024");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("撤销")).click();
        row.getByLabel("撤销原因").fill("重复登记，会员已退回礼包");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("确认撤销")).click();
        assertThat(small.locator("tr[data-grant='" + offlineGrant + "']")).containsText("已撤销：重复登记，会员已退回礼包");
        JsonNode afterRevocation = expect(tree.gateway.get("/api/benefits/programs/" + program, officer), 200);
        assertThat(afterRevocation.get("availableFen").asLong()).isEqualTo(BUDGET - 2 * AMOUNT);
        assertThat(afterRevocation.get("stockAvailable").asLong()).isEqualTo(STOCK - 2);

        // The claims queue: approve one claim in part with a reason; the other's gauge shows the API's remainder.
        String insurance = openProgram(tree, officer, insurance(tree));
        String first = claim(tree, officer, insurance, doubleClicker, 30_000L);
        String second = claim(tree, officer, insurance, lostAnswer, 10_000L);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("理赔审核")).click();
        Locator firstCard = page.locator("[data-claim='" + first + "']");
        assertThat(firstCard).containsText("申请金额¥300.00");
        assertThat(firstCard).containsText("单次上限¥200.00");
        assertThat(firstCard.getByLabel("批准金额（元）")).hasValue("200.00");
        check(page, "desk-claims-1440");
        firstCard.getByLabel("批准金额（元）").fill("150");
        firstCard.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("批准")).click();
        assertThat(firstCard.getByRole(AriaRole.ALERT)).hasText("部分批准请填写理由");
        firstCard.getByLabel("理由（部分批准或驳回时必填）").fill("票据只覆盖 150 元");
        firstCard.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("批准")).click();
        assertThat(firstCard).hasCount(0);
        JsonNode decided = expect(tree.gateway.get("/api/benefits/claims/" + first, officer), 200);
        assertThat(decided.get("status").asString()).isEqualTo("APPROVED");
        assertThat(decided.get("approvedFen").asLong()).isEqualTo(15_000L);
        assertThat(decided.get("reason").asString()).isEqualTo("票据只覆盖 150 元");
        long left = expect(tree.gateway.get("/api/benefits/programs/" + insurance, officer), 200).get("availableFen")
                .asLong();
        assertThat(left).isEqualTo(100_000L - 15_000L);
        assertThat(page.locator("[data-claim='" + second + "'] [data-gauge='预算']"))
                .hasAttribute("data-left", Long.toString(left));
    }

    private static void signIn(Page page, String username) {
        page.getByLabel("账号").fill(username);
        page.getByLabel("密码").fill(UnionTree.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        assertThat(page.getByLabel("会员卡号、手机号或姓名")).isVisible();
    }

    /** Types the card number as printed, in groups of four, and waits for the member. */
    private static void find(Page page, UnionTree.Member member) {
        String card = member.cardNumber();
        page.getByLabel("会员卡号、手机号或姓名").fill(card.replaceAll("(.{4})(?!$)", "$1 "));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找").setExact(true)).click();
        assertThat(page.locator("#member-card-number")).hasText(card);
    }

    private static JsonNode grants(UnionTree tree, String officer, String program, UnionTree.Member member) {
        return expect(tree.gateway.get("/api/benefits/grants?programId=" + program + "&memberId=" + member.id(),
                officer), 200);
    }

    private static Map<String, Object> winterGift(UnionTree tree) {
        Map<String, Object> body = period(tree, "冬送温暖暖冬包（" + tree.run + "）", "SEASONAL_CAMPAIGN");
        body.put("season", "WINTER_WARMTH");
        body.put("budgetFen", BUDGET);
        body.put("amountPerGrantFen", AMOUNT);
        body.put("stock", STOCK);
        body.put("itemName", "暖冬包");
        body.put("eligibility", Map.of("workerTypes", List.of("DELIVERY_RIDER")));
        return body;
    }

    private static Map<String, Object> insurance(UnionTree tree) {
        Map<String, Object> body = period(tree, "骑手意外互助保障（" + tree.run + "）", "MUTUAL_AID_INSURANCE");
        body.put("budgetFen", 100_000L);
        body.put("perClaimCeilingFen", 20_000L);
        return body;
    }

    private static Map<String, Object> period(UnionTree tree, String name, String kind) {
        LocalDate today = LocalDate.now(BEIJING);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("organizationId", tree.city.id());
        body.put("orgPath", tree.city.path());
        body.put("startsOn", today.minusDays(1).toString());
        body.put("endsOn", today.plusDays(30).toString());
        return body;
    }

    private static String openProgram(UnionTree tree, String officer, Map<String, Object> body) {
        String id = expect(tree.post("/api/benefits/programs", officer, body), 201).get("id").asString();
        expect(tree.post("/api/benefits/programs/" + id + "/open", officer, null), 200);
        return id;
    }

    private static String claim(UnionTree tree, String officer, String program, UnionTree.Member member, long fen) {
        return expect(tree.post("/api/benefits/programs/" + program + "/claims", officer, Map.of("memberId",
                member.id(), "amountFen", fen, "description", "送餐途中摔伤，门诊费用", "attachments", List.of())),
                201).get("id").asString();
    }
}
