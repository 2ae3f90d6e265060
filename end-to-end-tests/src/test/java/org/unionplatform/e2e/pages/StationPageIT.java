package org.unionplatform.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.unionplatform.e2e.UnionTree.expect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.unionplatform.e2e.PlatformUnderTest;
import org.unionplatform.e2e.UnionTree;

/**
 * The attendant's page on a phone: sign in, pick the station, lose the network, log 30 visits (anonymous and by a
 * real member's typed card number), close the page, open it again without a network (the service worker serves
 * it), get the network back: exactly 30 visits counted, the per-item results on screen, and the same batch sent
 * again counts nothing twice. The outage is the gateway stopped: the page and its service worker reach nothing.
 */
class StationPageIT extends PageTest {

    private static final int ANONYMOUS = 20;
    private static final int MEMBERS = 10;

    @Test
    void visitsLoggedOfflineAreCountedExactlyOnceWhenTheNetworkReturns() {
        UnionTree tree = UnionTree.build(new UnionTree.Divisions("620000", "甘肃省", "620100", "兰州市", "620102",
                "城关区"));
        String organizer = tree.staff("ORGANIZER", tree.city);
        String username = "e2e-page-attendant-" + tree.run;
        String stationId = openStation(tree, organizer, username);
        tree.attendant(username, List.of(stationId));
        UnionTree.Member member = tree.enrol(organizer, "COURIER");

        BrowserContext context = phone();
        Page page = context.newPage();
        List<com.microsoft.playwright.Request> firstLoad = new ArrayList<>();
        page.onRequestFinished(firstLoad::add);
        page.navigate("/station/");
        Locator account = page.getByLabel("账号");
        assertThat(account).isVisible();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        long transferred = firstLoad.stream()
                .mapToLong(request -> request.sizes().responseBodySize + request.sizes().responseHeadersSize).sum();
        System.out.printf("[pages] first load of /station/: %d requests, %d bytes%n", firstLoad.size(), transferred);
        assertThat(transferred).as("bytes of the first load of /station/").isBetween(1L, 300_000L);
        check(page, "station-sign-in");
        account.fill(username);
        page.getByLabel("密码").fill(UnionTree.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();

        Locator stationButton = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("城关区页面驿站"));
        assertThat(stationButton).isVisible();
        check(page, "station-pick");
        stationButton.click();
        assertThat(page.locator("#pending")).hasText("0");
        assertThat(page.evaluate("() => Promise.race([navigator.serviceWorker.ready.then(() => true),"
                + " new Promise(resolve => setTimeout(() => resolve(false), 60000))])"))
                .as("the service worker is active").isEqualTo(true);
        check(page, "station-record");

        PlatformUnderTest platform = tree.platform;
        platform.stop(PlatformUnderTest.GATEWAY);
        List<String> batches = new ArrayList<>();
        try {
            for (int i = 1; i <= ANONYMOUS + MEMBERS; i++) {
                if (i <= ANONYMOUS) {
                    page.locator("[data-code=" + (i % 2 == 0 ? "COURIER" : "DELIVERY_RIDER") + "]").click();
                    page.locator("#record-anonymous").click();
                } else {
                    page.getByLabel("会员卡号").fill(member.cardNumber());
                    page.locator("#record-member").click();
                }
                assertThat(page.locator("#pending")).hasText(Integer.toString(i));
            }
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName("立即上传（30 条待传）"))).isVisible();
            check(page, "station-offline");
            page.close();

            page = context.newPage();
            page.navigate("/station/");
            assertThat(page.locator("#pending")).hasText("30");
            assertThat(page.locator("#sync-status")).containsText("离线");
            check(page, "station-reopened-offline");
            // The batches the server answered (a try while the gateway was still starting may have failed: its
            // visits stayed queued and went again).
            page.onResponse(response -> {
                if (response.url().endsWith("/api/checkins/batch") && response.status() == 200) {
                    batches.add(response.request().postData());
                }
            });
        } finally {
            platform.restart(PlatformUnderTest.GATEWAY);
        }

        // The page may have uploaded by itself already (its timer); then the button finds nothing left to send.
        page.locator("#upload").click();
        assertThat(page.locator("#upload-result")).containsText("新记录 30 条，重复 0 条，未记录 0 条",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(page.locator("#pending")).hasText("0");
        assertThat(page.locator("#today")).hasText("30");
        assertThat(page.locator("#recent")).containsText("✓ 已记录");

        String attendant = tree.signIn(username, UnionTree.PASSWORD);
        JsonNode counts = expect(tree.gateway.get("/api/stations/" + stationId + "/visit-counts", attendant), 200);
        assertThat(counts.get("total").asLong()).as("visits counted").isEqualTo(30);
        assertThat(counts.get("byWorkerType").get("COURIER").asLong()).isEqualTo(ANONYMOUS / 2 + MEMBERS);
        assertThat(counts.get("byWorkerType").get("DELIVERY_RIDER").asLong()).isEqualTo(ANONYMOUS / 2);

        assertThat(batches).as("one batch answered").hasSize(1);
        JsonNode resent = expect(tree.gateway.post("/api/checkins/batch", attendant, batches.getFirst()), 200);
        assertThat(resent.get("duplicates").asInt()).isEqualTo(30);
        assertThat(resent.get("created").asInt()).isZero();
        assertThat(expect(tree.gateway.get("/api/stations/" + stationId + "/visit-counts", attendant), 200)
                .get("total").asLong()).as("nothing counted twice").isEqualTo(30);

        // A card nobody holds: answered per item and explained, not counted.
        page.getByLabel("会员卡号").fill("E2E-NO-SUCH-CARD");
        page.locator("#record-member").click();
        assertThat(page.locator("#upload-result")).containsText("未记录 1 条");
        assertThat(page.locator("#upload-result")).containsText("查无此会员卡");
        assertThat(page.locator("#pending")).hasText("0");
        assertThat(page.locator("#recent")).containsText("✗ 未记录：查无此会员卡");
        check(page, "station-results");
        assertThat(expect(tree.gateway.get("/api/stations/" + stationId + "/visit-counts", attendant), 200)
                .get("total").asLong()).isEqualTo(30);

        // A visit id already recorded for another visit (a conflict) and a visit recorded 9 days ago (kept,
        // flagged): both answered, explained in Chinese, and gone from the queue.
        JsonNode recorded = new tools.jackson.databind.ObjectMapper().readTree(batches.getFirst()).get("visits")
                .get(0);
        java.time.Instant recordedAt = java.time.Instant.parse(recorded.get("visitedAt").asString());
        page.evaluate("([conflicting, late]) => import('/assets/station/outbox.js').then(async outbox => {"
                + " await outbox.enqueue(conflicting, '冲突测试'); await outbox.enqueue(late, '迟传测试'); })",
                List.of(Map.of("visitId", recorded.get("visitId").asString(), "stationId", stationId,
                                "visitedAt", recordedAt.plusSeconds(5).toString(), "services", List.of(),
                                "workerType", "COURIER"),
                        Map.of("visitId", java.util.UUID.randomUUID().toString(), "stationId", stationId,
                                "visitedAt", java.time.Instant.now().minus(java.time.Duration.ofDays(9)).toString(),
                                "services", List.of(), "workerType", "COURIER")));
        page.locator("#upload").click();
        assertThat(page.locator("#upload-result")).containsText("待核查 1 条，未记录 1 条");
        assertThat(page.locator("#upload-result")).containsText("登记编号与另一条登记冲突");
        assertThat(page.locator("#upload-result")).containsText("1 条登记编号冲突，已从待传队列移除");
        assertThat(page.locator("#upload-result")).containsText("迟传测试：已保存待核查，超过 7 天才上传");
        assertThat(page.locator("#pending")).hasText("0");
        check(page, "station-conflict-and-late");
        JsonNode after = expect(tree.gateway.get("/api/stations/" + stationId + "/visit-counts", attendant), 200);
        assertThat(after.get("total").asLong()).isEqualTo(30);
        assertThat(after.get("flagged").asLong()).isEqualTo(1);
    }

    private static String openStation(UnionTree tree, String organizer, String attendant) {
        String id = "e2e-" + tree.run + "-page";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", "城关区页面驿站（" + tree.run + "）");
        details.put("type", "LOVE_STATION");
        details.put("address", "兰州市城关区某路 1 号");
        details.put("divisionCode", "620102");
        details.put("location", Map.of("lat", 36.07, "lon", 103.84));
        details.put("amenities", Set.of("DRINKING_WATER", "SEATS"));
        details.put("attendants", List.of(attendant));
        expect(tree.post("/api/stations", organizer, Map.of("id", id, "organizationId", tree.union.id(), "orgPath",
                tree.union.path(), "details", details)), 201);
        return id;
    }
}
