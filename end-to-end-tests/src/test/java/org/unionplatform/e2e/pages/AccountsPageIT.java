package org.unionplatform.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.unionplatform.e2e.UnionTree;

/**
 * The console's 账号管理 screen: an organizer creates an attendant bound to a station of their subtree (the
 * temporary password shown once), who then signs in at /station/ and sees that station; the organizer resets a
 * password (the new one works, the old one no longer) and disables an account (it can no longer sign in).
 */
class AccountsPageIT extends PageTest {

    @Test
    void anOrganizerCreatesAnAttendantWhoSignsInAtTheStationPage() {
        UnionTree tree = UnionTree.build(new UnionTree.Divisions("650000", "新疆维吾尔自治区", "650100", "乌鲁木齐市",
                "650102", "天山区"));
        String organizer = tree.staff("ORGANIZER", tree.city);
        String stationName = "天山区账号驿站（" + tree.run + "）";
        String stationId = openStation(tree, organizer, stationName);
        // organization-service learns who operates the station from station.opened: wait until it binds.
        String earlier = "e2e-earlier-" + tree.run;
        await("organization-service knows the new station").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1)).until(() -> tree.post("/api/auth/accounts", organizer, Map.of(
                        "username", earlier, "password", UnionTree.PASSWORD, "roles", List.of("STATION_ATTENDANT"),
                        "stations", List.of(stationId))).status() == 201);

        Page page = desktop(1440, 900).newPage();
        page.navigate("/console/");
        page.getByLabel("账号").fill("e2e-organizer-" + tree.city.id());
        page.getByLabel("密码").fill(UnionTree.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("账号管理").setExact(true)).click();
        assertThat(page.locator("#who [data-scope]")).hasText(tree.city.name());
        assertThat(page.locator("tr[data-account='" + earlier + "']")).containsText(stationName);
        check(page, "console-accounts-1440");

        String attendant = "e2e-new-attendant-" + tree.run;
        page.getByLabel("账号名").fill(attendant);
        page.getByLabel("角色").selectOption("STATION_ATTENDANT");
        page.getByLabel(stationName).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("创建账号")).click();
        Locator password = page.locator("[data-password='" + attendant + "']");
        assertThat(password).hasText(java.util.regex.Pattern.compile("[A-Za-z0-9]{16}"));
        String temporary = password.textContent();
        assertThat(page.locator("tr[data-account='" + attendant + "']")).containsText("驿站值守员");
        check(page, "console-accounts-created-1440");

        // The new attendant signs in on a phone and finds the station.
        Page phonePage = phone().newPage();
        phonePage.navigate("/station/");
        phonePage.getByLabel("账号").fill(attendant);
        phonePage.getByLabel("密码").fill(temporary);
        phonePage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(phonePage.getByText(stationName)).isVisible();

        // Reset and disable the earlier attendant's account from its row.
        Locator earlierRow = page.locator("tr[data-account='" + earlier + "']");
        earlierRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("重置密码")).click();
        Locator reset = page.locator("[data-password='" + earlier + "']");
        assertThat(reset).hasText(java.util.regex.Pattern.compile("[A-Za-z0-9]{16}"));
        String renewed = reset.textContent();
        assertThat(signIn(tree, earlier, UnionTree.PASSWORD)).as("the old password").isEqualTo(401);
        assertThat(signIn(tree, earlier, renewed)).as("the new password").isEqualTo(200);
        page.locator("tr[data-account='" + earlier + "']").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("停用")).click();
        assertThat(page.locator("tr[data-account='" + earlier + "']")).containsText("已停用");
        assertThat(signIn(tree, earlier, renewed)).as("a disabled account").isEqualTo(401);

        Page small = desktop(1024, 768).newPage();
        small.navigate("/console/#accounts");
        small.getByLabel("账号").fill("e2e-organizer-" + tree.city.id());
        small.getByLabel("密码").fill(UnionTree.PASSWORD);
        small.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        assertThat(small.locator("tr[data-account='" + attendant + "']")).isVisible();
        check(small, "console-accounts-1024");
    }

    private static int signIn(UnionTree tree, String username, String password) {
        int[] status = new int[1];
        await("sign-in of " + username).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> (status[0] = tree.gateway.post("/api/auth/token", null, Map.of("username", username,
                        "password", password)).status()) != 429);
        return status[0];
    }

    private static String openStation(UnionTree tree, String organizer, String name) {
        String id = "e2e-" + tree.run + "-accounts";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        details.put("type", "LOVE_STATION");
        details.put("address", "乌鲁木齐市天山区某路 1 号");
        details.put("divisionCode", "650102");
        details.put("location", Map.of("lat", 43.79, "lon", 87.63));
        details.put("amenities", Set.of("DRINKING_WATER", "SEATS"));
        expect(tree.post("/api/stations", organizer, Map.of("id", id, "organizationId", tree.union.id(), "orgPath",
                tree.union.path(), "details", details)), 201);
        return id;
    }
}
