package org.unionplatform.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.unionplatform.e2e.UnionTree;
import org.unionplatform.testsupport.http.HttpAnswer;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import tools.jackson.databind.JsonNode;

/**
 * The station landing behind the printed QR code and the member's own data page, on a phone: a visitor sees the
 * station and the sign-in and join links; a signed-in member checks in once, a second tap within the hour is
 * explained and counts nothing (counted through the API); then the member sees who read their data, downloads it
 * and withdraws.
 */
class CheckInPageIT extends PageTest {

    private static final Pattern CODE = Pattern.compile("sign-in code for card \\*{4}(\\d{4}): (\\d{6})");

    @Test
    void aMemberScanningTheStationCodeChecksInOnceAndASecondTryWithinTheHourIsExplainedNotCounted() {
        UnionTree tree = UnionTree.build(new UnionTree.Divisions("610000", "陕西省", "610100", "西安市", "610113",
                "雁塔区"));
        String organizer = tree.staff("ORGANIZER", tree.city);
        String stationId = openStation(tree, organizer);
        UnionTree.Member member = tree.enrol(organizer, "COURIER");

        BrowserContext context = phone();
        Page page = context.newPage();
        page.navigate("/check-in/" + stationId);
        assertThat(page.locator("#station-name")).hasText("雁塔区签到驿站（" + tree.run + "）");
        assertThat(page.locator("#hours")).hasText("今日全天开放");
        assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("站内设施")))
                .containsText("饮用水");
        assertThat(page.locator("#today")).hasText("0");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登录"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("我要入会")))
                .hasAttribute("href", "/m/apply.html?via=station%3A" + stationId);
        assertThat(page.locator("#check-in")).hasCount(0);
        check(page, "check-in-visitor");

        signedIn(page, memberSignIn(tree, member));
        page.reload();
        Page.GetByRoleOptions checkIn = new Page.GetByRoleOptions().setName("签到").setExact(true);
        page.getByRole(AriaRole.BUTTON, checkIn).click();
        assertThat(page.locator("#result")).containsText("签到成功");
        assertThat(page.locator("#today")).hasText("1");
        check(page, "check-in-counted");

        page.getByRole(AriaRole.BUTTON, checkIn).click();
        assertThat(page.locator("#result")).containsText("已签到过，这一小时内不重复计数");
        assertThat(page.locator("#today")).hasText("1");
        check(page, "check-in-already-counted");

        JsonNode counts = expect(tree.gateway.get("/api/stations/" + stationId + "/visit-counts", organizer), 200);
        assertThat(counts.get("total").asLong()).as("visits counted").isEqualTo(1);
        assertThat(counts.get("byWorkerType").get("COURIER").asLong()).isEqualTo(1);
    }

    @Test
    void aMemberSeesWhoReadTheirDataDownloadsItAndWithdraws() throws IOException {
        UnionTree tree = UnionTree.build(new UnionTree.Divisions("610000", "陕西省", "610100", "西安市", "610113",
                "雁塔区"));
        String organizer = tree.staff("ORGANIZER", tree.city);
        UnionTree.Member member = tree.enrol(organizer, "DELIVERY_RIDER");
        expect(tree.gateway.get("/api/members/" + member.id() + "/personal-data", organizer), 200);

        Page page = phone().newPage();
        page.navigate("/check-in/none");
        signedIn(page, memberSignIn(tree, member));
        page.navigate("/m/my-data.html");
        assertThat(page.locator("#reads")).containsText("工会组织员 查看了您的完整身份证号和手机号");
        check(page, "my-data");

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("下载我的数据")).click());
        assertThat(download.suggestedFilename()).startsWith("我的会员数据-").endsWith(".json");
        String exported = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(exported).contains(member.cardNumber(), "\"residentId\"");
        assertThat(page.locator("#reads")).containsText("您本人下载了个人数据");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("申请退会")).click();
        assertThat(page.locator("#reason-error")).hasText("请填写退会原因");
        page.getByLabel("退会原因").fill("换了工作，不再送外卖");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("申请退会")).click();
        assertThat(page.locator("#withdraw-confirm")).containsText("确定要退会吗");
        check(page, "my-data-withdraw-confirm");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认退会")).click();
        assertThat(page.locator("#withdraw")).containsText("您已");
        check(page, "my-data-withdrawn");

        JsonNode record = expect(tree.gateway.get("/api/members/" + member.id(), organizer), 200);
        assertThat(record.get("status").asString()).isEqualTo("WITHDRAWN");
    }

    private record MemberToken(String accessToken, String memberId, int expiresIn) {
    }

    /** What the worker pages' sign-in leaves in the tab (docs/pages.md, "The worker pages"). */
    private static void signedIn(Page page, MemberToken token) {
        page.evaluate("([token, member, seconds]) => sessionStorage.setItem('union.member', JSON.stringify("
                + "{ accessToken: token, memberId: member, expiresAt: Date.now() + seconds * 1000 }))",
                List.of(token.accessToken(), token.memberId(), token.expiresIn()));
    }

    /**
     * The member's sign-in by card and one-time code through the gateway; the code is read where the development
     * sender writes it (the platform's membership-service log).
     */
    private static MemberToken memberSignIn(UnionTree tree, UnionTree.Member member) {
        String card = member.cardNumber();
        String body = UnionTree.json(Map.of("cardNumber", card));
        HttpAnswer[] sent = new HttpAnswer[1];
        await("sign-in code for " + card).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> (sent[0] = tree.gateway.post("/api/members/sign-in/codes", null, body)).status() != 429);
        assertThat(sent[0].status()).as(sent[0].body()).isEqualTo(202);
        String[] code = new String[1];
        await("the code in the log").atMost(Duration.ofSeconds(30)).until(() -> (code[0] = lastCode(card)) != null);
        JsonNode token = expect(tree.gateway.post("/api/members/sign-in/token", null,
                UnionTree.json(Map.of("cardNumber", card, "code", code[0]))), 200);
        return new MemberToken(token.get("accessToken").asString(), member.id(),
                token.has("expiresIn") ? token.get("expiresIn").asInt() : 600);
    }

    private static String lastCode(String card) throws IOException {
        Path log = screenshots().getParent().resolve("platform-logs").resolve("membership-service.log");
        if (!Files.exists(log)) {
            return null;
        }
        String found = null;
        Matcher matcher = CODE.matcher(Files.readString(log, StandardCharsets.UTF_8));
        while (matcher.find()) {
            if (card.endsWith(matcher.group(1))) {
                found = matcher.group(2);
            }
        }
        return found;
    }

    private static String openStation(UnionTree tree, String organizer) {
        String id = "e2e-" + tree.run + "-landing";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", "雁塔区签到驿站（" + tree.run + "）");
        details.put("type", "LOVE_STATION");
        details.put("address", "西安市雁塔区某路 8 号");
        details.put("divisionCode", "610113");
        details.put("location", Map.of("lat", 34.22, "lon", 108.95));
        details.put("amenities", Set.of("DRINKING_WATER", "CHARGING"));
        details.put("hours", Map.of("alwaysOpen", true));
        expect(tree.post("/api/stations", organizer, Map.of("id", id, "organizationId", tree.union.id(), "orgPath",
                tree.union.path(), "details", details)), 201);
        return id;
    }
}
