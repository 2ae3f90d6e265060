package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionplatform.e2e.pages.PageTest;
import org.unionplatform.testsupport.http.HttpAnswer;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Geolocation;
import com.microsoft.playwright.options.SelectOption;
import com.microsoft.playwright.options.WaitForSelectorState;

import tools.jackson.databind.JsonNode;

/**
 * The worker's phone pages in a browser through the gateway: a worker applies with a place name, an organizer
 * approves through the API, the worker looks the status up, signs in by phone and code (read from the development
 * SMS sender's log), sees the e-card with its QR code, and the nearest stations from a given location in distance
 * order. Every page: a screenshot at 375x812, no horizontal scrolling, no serious accessibility finding.
 */
class WorkerPagesPageIT extends PageTest {

    /** Near Xianyang's Qindu district; the stations open at growing distances from here. */
    private static final double LAT = 34.3296;
    private static final double LON = 108.7093;

    private static MembershipFixture fixture;

    @BeforeAll
    static void unionAndStations() {
        fixture = new MembershipFixture("咸阳", "610000", "610400", "610402");
    }

    @Test
    void aWorkerAppliesWithAPlaceNameIsApprovedSignsInByPhoneSeesTheCardAndTheNearestStations() {
        MembershipFixture.Worker worker = fixture.newWorker();
        List<String> nearestFirst = List.of(openStation("near", "近", LAT + 0.002, LON),
                openStation("middle", "中", LAT + 0.01, LON), openStation("far", "远", LAT + 0.03, LON + 0.01));

        BrowserContext context = phone();
        Page page = context.newPage();
        // Every step waits on the real services, which a machine shared by several builds makes slow.
        page.setDefaultTimeout(90_000);

        page.navigate("/m/index.html");
        check(page, "worker-index");

        page.navigate("/m/apply.html");
        page.getByLabel("姓名").fill(worker.name());
        page.getByLabel("身份证号").fill(worker.residentId().substring(0, 17) + wrongCheck(worker.residentId()));
        assertThat(page.locator("#residentId-problem").textContent()).contains("校验位");
        page.getByLabel("身份证号").fill(worker.residentId());
        assertThat(page.locator("#residentId-problem").textContent()).isEmpty();
        page.getByLabel("手机号").fill("1234567890123".substring(0, 11));
        assertThat(page.locator("#phone-problem").textContent()).contains("手机号");
        page.getByLabel("手机号").fill(worker.phone());
        page.getByLabel("职业类别").selectOption("DELIVERY_RIDER");
        page.getByLabel("所在平台").selectOption("其他平台");
        page.getByLabel("平台名称").fill(fixture.platformName);
        page.waitForSelector("#city option:has-text('咸阳市')", new Page.WaitForSelectorOptions().setState(
                WaitForSelectorState.ATTACHED));
        page.locator("#city").selectOption(new SelectOption().setLabel("咸阳市"));
        page.waitForSelector("#county option:has-text('秦都区')", new Page.WaitForSelectorOptions().setState(
                WaitForSelectorState.ATTACHED));
        page.locator("#county").selectOption(new SelectOption().setLabel("秦都区"));
        check(page, "worker-apply");
        page.locator("#submit").click();
        page.locator("#receipt-code").waitFor();
        String receipt = page.locator("#receipt-code").textContent().replace("-", "");
        assertThat(receipt).matches("[2-9A-HJKMNP-Z]{12}");
        check(page, "worker-apply-received");

        fixture.awaitDispatched(receipt, Duration.ofSeconds(90));
        JsonNode approval = UnionTree.expect(fixture.gateway.post("/api/members/applications/" + receipt
                + "/approval", fixture.organizer, null), 200);
        String card = approval.get("cardNumber").asString();

        page.locator("#status-link").click();
        page.waitForURL("**/m/status.html**");
        page.locator("#send-code").click();
        page.getByLabel("短信验证码").fill(awaitCode("one-time code for phone " + masked(worker.phone())));
        page.locator("#look-up").click();
        page.locator("#result-status").waitFor();
        assertThat(page.locator("#result-status").textContent()).contains("审核通过");
        assertThat(page.locator("#result-details").textContent()).contains(card).contains(fixture.union.name());
        check(page, "worker-status");

        page.navigate("/m/sign-in.html?next=%2Fm%2Fcard.html");
        page.getByLabel("手机号").fill(worker.phone());
        page.locator("#send-code").click();
        page.getByLabel("短信验证码").fill(awaitCode("sign-in code for card ****" + card.substring(12)));
        check(page, "worker-sign-in");
        page.locator("#sign-in").click();
        page.waitForURL("**/m/card.html");
        page.locator("#qr svg path").waitFor();
        assertThat(page.locator("#union").textContent()).isEqualTo(fixture.union.name());
        assertThat(page.locator("#name").textContent()).startsWith(worker.name().substring(0, 1)).contains("*");
        assertThat(page.locator("#number").textContent()).contains(card.substring(12)).contains("****");
        check(page, "worker-card");

        context.grantPermissions(List.of("geolocation"));
        context.setGeolocation(new Geolocation(LAT, LON));
        page.navigate("/m/stations.html");
        page.getByText("使用我的位置").click();
        page.locator("#stations li.station").first().waitFor();
        List<String> shown = page.locator("#stations li.station h3").allTextContents();
        assertThat(shown.stream().filter(nearestFirst::contains).toList()).containsExactlyElementsOf(nearestFirst);
        assertThat(page.locator("#stations li.station .go a").first().getAttribute("href"))
                .startsWith("https://uri.amap.com/navigation?to=");
        check(page, "worker-stations");

        page.navigate("/m/timeline.html");
        page.locator("#timeline li").first().waitFor();
        check(page, "worker-timeline");
    }

    private String openStation(String key, String label, double lat, double lon) {
        String name = "秦都区" + label + "爱心驿站（" + fixture.run + "）";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        details.put("type", "LOVE_STATION");
        details.put("address", "咸阳市秦都区某路" + label + "号");
        details.put("divisionCode", "610402");
        details.put("location", Map.of("lat", lat, "lon", lon));
        details.put("amenities", Set.of("DRINKING_WATER", "CHARGING"));
        Map<String, Object> station = Map.of("id", "e2e-" + fixture.run + "-worker-" + key, "organizationId",
                fixture.union.id(), "orgPath", fixture.union.path(), "details", details);
        // A just-started station-service on a crowded machine may answer the gateway too late (504) while it still
        // opens the station: then the repeated request finds it there (409).
        HttpAnswer opened = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> fixture.post("/api/stations", fixture.organizer, station), answer -> answer.status() != 504);
        assertThat(opened.status()).as(opened.body()).isIn(201, 409);
        return name;
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

    private static char wrongCheck(String residentId) {
        return residentId.charAt(17) == '0' ? '1' : '0';
    }
}
