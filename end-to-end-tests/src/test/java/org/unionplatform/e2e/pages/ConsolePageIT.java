package org.unionplatform.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.unionplatform.e2e.UnionTree;
import org.unionplatform.testsupport.http.HttpAnswer;

import tools.jackson.databind.JsonNode;

/**
 * The organizer's console on a desktop screen: an organizer of a district federation signs in and lands on the
 * dashboard, whose chart tables show the API's figures (members by worker type, new members this month, companies
 * by step, visits per day and by weekday and hour); the union tree expands, finds by name, creates a child (a
 * refusal shown in Chinese first) and moves it; the coverage lists the districts by members per station; an
 * organisation outside the scope answers not found. Screenshots at 1440x900 and 1024x768, axe on every screen.
 */
class ConsolePageIT extends PageTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void anOrganizerReadsTheDashboardTheTreeAndTheCoverageOfTheirScope() {
        UnionTree tree = UnionTree.build(new UnionTree.Divisions("640000", "宁夏回族自治区", "640100", "银川市",
                "640104", "兴庆区"));
        String organizer = tree.staff("ORGANIZER", tree.district);
        String username = "e2e-organizer-" + tree.district.id();
        tree.enrol(organizer, "DELIVERY_RIDER");
        tree.enrol(organizer, "DELIVERY_RIDER");
        tree.enrol(organizer, "COURIER");
        String attendantName = "e2e-console-attendant-" + tree.run;
        String near = station(tree, organizer, "near", "640104", attendantName);
        String far = station(tree, organizer, "far", "640105", attendantName);
        String attendant = tree.attendant(attendantName, List.of(near, far));
        Instant now = Instant.now();
        List<Map<String, Object>> visits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            visits.add(visit(i < 4 ? near : far, now.minus(Duration.ofHours(5L * i + 1))));
        }
        // Each visit carries its id: a resend after a timeout counts nothing twice.
        expect(patiently(tree, "/api/checkins/batch", attendant, Map.of("visits", visits)), 200);
        String district = tree.district.id();
        // The figures settle through events and the counting sweep: the page is compared once the API shows them.
        await("members and visits counted").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> get(tree, organizer, "/api/organizations/" + district + "/summary").get("members")
                        .asLong() == 3 && get(tree, organizer, "/api/checkins/counts?organizationId=" + district)
                        .get("total").asLong() == 6);

        BrowserContext context = desktop(1440, 900);
        Page page = context.newPage();
        page.navigate("/console/");
        signIn(page, username);

        // The dashboard: every table equals the API.
        assertThat(page.locator("#overview-title")).hasText(tree.district.name());
        JsonNode summary = get(tree, organizer, "/api/organizations/" + district + "/summary");
        Locator byType = page.locator("table[data-chart='members-by-type']");
        assertThat(byType.locator("tbody tr")).hasCount(summary.get("membersByWorkerType").size());
        summary.get("membersByWorkerType").properties().forEach(entry -> assertThat(byType
                .locator("tr[data-key='" + entry.getKey() + "'] td").last()).hasText(entry.getValue().asString()));
        assertThat(byType.locator("tr[data-key='DELIVERY_RIDER'] td").last()).hasText("2");
        assertThat(page.locator("[data-chart-box='members-by-type'] canvas").first()).isVisible();
        assertThat(page.locator("[data-chart-box='members-by-type']")).hasAttribute("role", "img");

        JsonNode report = get(tree, organizer, "/api/organizations/" + district + "/reports/monthly");
        for (JsonNode month : report.get("months")) {
            assertThat(page.locator("table[data-chart='new-members-by-month'] tr[data-key='" + month.get("month")
                    .asString() + "'] td").first()).hasText(month.get("total").asString());
        }
        String thisMonth = LocalDate.now(BEIJING).toString().substring(0, 7);
        assertThat(page.locator("table[data-chart='new-members-by-month'] tr[data-key='" + thisMonth + "'] td")
                .first()).hasText("3");
        for (JsonNode step : report.get("companiesByStatus")) {
            assertThat(page.locator("table[data-chart='companies-by-status'] tr[data-key='"
                    + step.get("status").asString() + "'] td")).hasText(step.get("companies").asString());
        }

        LocalDate today = LocalDate.now(BEIJING);
        JsonNode counts = get(tree, organizer, "/api/checkins/counts?organizationId=" + district + "&from="
                + today.minusDays(29) + "&to=" + today);
        Locator perDay = page.locator("table[data-chart='visits-per-day'] tbody tr");
        assertThat(perDay).hasCount(30);
        for (JsonNode day : counts.get("days")) {
            assertThat(page.locator("table[data-chart='visits-per-day'] tr[data-key='" + day.get("day").asString()
                    + "'] td")).hasText(day.get("visits").asString());
        }
        JsonNode hours = get(tree, organizer, "/api/checkins/week-hours?organizationId=" + district);
        assertThat(hours.get("total").asLong()).isEqualTo(6);
        for (JsonNode cell : hours.get("cells")) {
            assertThat(page.locator("table[data-chart='visits-by-hour'] tr[data-key='" + cell.get("weekday").asInt()
                    + "'] td").nth(cell.get("hour").asInt())).hasText(cell.get("visits").asString());
        }
        assertThat(page.locator("[data-chart-box='visits-by-hour'] canvas").first()).isVisible();
        check(page, "console-overview-1440");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("近 60 天")).click();
        assertThat(page.locator("table[data-chart='visits-per-day'] tbody tr")).hasCount(60);

        // The union tree: the scope's root opens by itself; a child opens when asked.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("组织架构").setExact(true)).click();
        Locator union = page.locator("li.tree-node[data-id='" + tree.union.id() + "']");
        assertThat(union).isVisible();
        union.locator("[data-expand]").first().click();
        assertThat(union.locator(".tree-empty")).hasText("没有下级组织");
        page.getByLabel("按名称查找").fill("新就业形态");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找").setExact(true)).click();
        assertThat(page.locator("[data-list='search-results'] li")).hasCount(1);
        assertThat(page.locator("[data-list='search-results'] li[data-id='" + tree.union.id() + "']")).isVisible();
        check(page, "console-tree-1440");

        // A child of the district: refused first (a place outside the district), in Chinese, then created.
        Locator root = page.locator("li.tree-node[data-id='" + district + "']");
        root.locator(".tree-actions [data-action='create']").first().click();
        Locator form = root.locator("form.tree-form").first();
        String name = "兴庆区外卖骑手联合工会（" + tree.run + "）";
        form.getByLabel("名称").fill(name);
        form.getByLabel("类型").selectOption("JOINT_UNION");
        form.getByLabel("行政区划代码").fill("640105");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("新建")).click();
        assertThat(form.getByRole(AriaRole.ALERT)).containsText("行政区划代码不在上级组织的地域范围内");
        check(page, "console-tree-refused-1440");
        form.getByLabel("行政区划代码").fill("640104");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("新建")).click();
        Locator created = root.locator("li.tree-node", new Locator.LocatorOptions().setHasText(name));
        assertThat(created).isVisible();
        String childId = created.getAttribute("data-id");
        JsonNode child = get(tree, organizer, "/api/organizations/" + childId);
        assertThat(child.get("parentId").asString()).isEqualTo(district);
        assertThat(child.get("kind").asString()).isEqualTo("JOINT_UNION");

        // Moved under the platform union.
        created.locator("[data-action='move']").first().click();
        created.getByLabel("移到哪个组织之下").selectOption(tree.union.id());
        created.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("确认移动")).click();
        await("moved").atMost(Duration.ofSeconds(30)).until(() -> tree.union.id().equals(get(tree, organizer,
                "/api/organizations/" + childId).get("parentId").asString()));
        // The tree is drawn again: the child is no longer among the district's own children.
        assertThat(root.locator("li.tree-node", new Locator.LocatorOptions().setHasText(name))).hasCount(0);
        Locator movedUnion = page.locator("li.tree-node[data-id='" + tree.union.id() + "']");
        assertThat(movedUnion).isVisible();
        movedUnion.locator("[data-expand]").first().click();
        assertThat(movedUnion.locator("li.tree-node[data-id='" + childId + "']")).isVisible();

        // Coverage: the districts by members per station, as both services count them.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("驿站覆盖").setExact(true)).click();
        Locator rows = page.locator("table[data-chart='coverage'] tbody tr");
        assertThat(rows).hasCount(2);
        JsonNode members = get(tree, organizer, "/api/members/counts/by-division?organizationId=" + district);
        JsonNode stations = get(tree, organizer, "/api/stations/coverage?organizationId=" + district);
        assertThat(members.get("districts").toString()).isEqualTo("[{\"divisionCode\":\"640104\",\"members\":3}]");
        assertThat(stations.get("districts").toString()).isEqualTo("[{\"divisionCode\":\"640104\",\"stations\":1,"
                + "\"visits\":4},{\"divisionCode\":\"640105\",\"stations\":1,\"visits\":2}]");
        assertThat(rows.nth(0)).hasAttribute("data-key", "640104");
        assertThat(rows.nth(0).locator("td")).hasText(new String[] {"3", "1", "4", "3"});
        assertThat(rows.nth(1)).hasAttribute("data-key", "640105");
        assertThat(rows.nth(1).locator("td")).hasText(new String[] {"0", "1", "2", "0"});
        assertThat(page.locator("[data-chart-box='coverage'] canvas").first()).isVisible();
        check(page, "console-coverage-1440");

        // An organisation outside the scope: the page answers not found, as the API does, and shows nothing of it.
        assertThat(tree.gateway.get("/api/organizations/" + tree.city.id(), organizer).status()).isEqualTo(404);
        page.navigate("/console/#overview?org=" + tree.city.id());
        assertThat(page.locator("[data-answer='not-found']")).hasText("没有找到这个组织，或它不在您的管理范围内。");
        assertThat(page.locator("table[data-chart]")).hasCount(0);
        assertThat(page.locator("main")).not().containsText(tree.city.name());
        check(page, "console-not-found-1440");

        // 1024x768: the same screens, whole on a smaller screen.
        Page small = desktop(1024, 768).newPage();
        small.navigate("/console/");
        signIn(small, username);
        assertThat(small.locator("table[data-chart='members-by-type'] tr[data-key='COURIER'] td").last()).hasText("1");
        check(small, "console-overview-1024");
        small.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("组织架构").setExact(true)).click();
        assertThat(small.locator("li.tree-node[data-id='" + tree.union.id() + "']")).isVisible();
        check(small, "console-tree-1024");
        small.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("驿站覆盖").setExact(true)).click();
        assertThat(small.locator("table[data-chart='coverage'] tbody tr")).hasCount(2);
        check(small, "console-coverage-1024");
        small.navigate("/console/#coverage?org=" + tree.city.id());
        assertThat(small.locator("[data-answer='not-found']")).isVisible();
    }

    private static void signIn(Page page, String username) {
        page.getByLabel("账号").fill(username);
        page.getByLabel("密码").fill(UnionTree.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        assertThat(page.locator("#overview-title")).isVisible();
    }

    private static JsonNode get(UnionTree tree, String token, String path) {
        return expect(tree.gateway.get(path, token), 200);
    }

    private static String station(UnionTree tree, String organizer, String name, String division, String attendant) {
        String id = "e2e-" + tree.run + "-console-" + name;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", "兴庆区" + name + "爱心驿站（" + tree.run + "）");
        details.put("type", "LOVE_STATION");
        details.put("address", "银川市某路");
        details.put("divisionCode", division);
        details.put("location", Map.of("lat", 38.47, "lon", 106.27));
        details.put("amenities", Set.of("DRINKING_WATER"));
        details.put("attendants", List.of(attendant));
        HttpAnswer opened = patiently(tree, "/api/stations", organizer, Map.of("id", id, "organizationId",
                tree.union.id(), "orgPath", tree.union.path(), "details", details));
        // A 409 after a timed-out first attempt: that attempt opened it.
        assertThat(opened.status()).as(opened.body()).isIn(201, 409);
        expect(tree.gateway.get("/api/stations/" + id, organizer), 200);
        return id;
    }

    /**
     * A POST sent again while the gateway answers that the service did not answer in time (the first minutes after
     * start on a loaded build machine); only for requests whose repetition is harmless.
     */
    private static HttpAnswer patiently(UnionTree tree, String path, String token, Object body) {
        HttpAnswer[] answer = new HttpAnswer[1];
        await("POST " + path).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    answer[0] = tree.post(path, token, body);
                    return answer[0].status() < 502 || answer[0].status() > 504;
                });
        return answer[0];
    }

    private static Map<String, Object> visit(String station, Instant at) {
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("visitId", UUID.randomUUID().toString());
        visit.put("stationId", station);
        visit.put("workerType", "DELIVERY_RIDER");
        visit.put("services", List.of("REST"));
        visit.put("visitedAt", at.toString());
        return visit;
    }
}
