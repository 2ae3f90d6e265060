package org.unionplatform.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import tools.jackson.databind.JsonNode;

/**
 * Activities and the union directory through the gateway in Chromium: the organizer publishes an activity open to
 * all at a station in the console; two members and a non-member sign up from their phones (the non-member is
 * wait-listed); the attendant lets the two members in at the door; the member's timeline and the console's activity
 * figures show it. Then the phone's 找工会 finds the Beilin delivery joint union by place and platform.
 */
class ActivitiesPageIT extends PageTest {

    private static final Pattern CARD_CODE = Pattern.compile("sign-in code for card \\*{4}(\\d{4}): (\\d{6})");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Test
    void anActivityOpenToAllFillsUpWaitListsTheNonMemberAndTheDoorLetsTwoMembersIn() {
        UnionTree tree = UnionTree.build(new UnionTree.Divisions("610000", "陕西省", "610100", "西安市", "610103",
                "碑林区"));
        String organizer = tree.staff("ORGANIZER", tree.district);
        String stationId = openStation(tree, organizer);
        String attendantName = "e2e-door-" + tree.run;
        tree.attendant(attendantName, List.of(stationId));
        UnionTree.Member first = tree.enrol(organizer, "DELIVERY_RIDER");
        UnionTree.Member second = tree.enrol(organizer, "COURIER");

        // The organizer publishes it in the console.
        Page console = desktop(1440, 900).newPage();
        console.navigate("/console/#activities?org=" + tree.district.id());
        staffSignIn(console, "e2e-organizer-" + tree.district.id());
        console.getByLabel("活动名称").fill("骑手等单时的趣味运动会（" + tree.run + "）");
        console.getByLabel("类别").selectOption("CULTURE_SPORTS");
        console.getByLabel("地点：驿站").selectOption(stationId);
        ZonedDateTime start = ZonedDateTime.now(BEIJING).plusMinutes(30);
        console.getByLabel("开始时间").fill(start.format(LOCAL));
        console.getByLabel("结束时间").fill(start.plusHours(3).format(LOCAL));
        console.getByLabel("名额").fill("2");
        console.getByLabel("对象").selectOption("ALL_WORKERS");
        check(console, "console-activity-form");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布")).click();
        assertThat(console.locator("#activity-title")).hasText("骑手等单时的趣味运动会（" + tree.run + "）");
        String activityId = console.url().replaceAll(".*[?&]id=([^&]+).*", "$1");

        // Two members and a non-member sign up from their phones; capacity 2, so the non-member waits.
        for (UnionTree.Member member : List.of(first, second)) {
            Page phone = phone().newPage();
            phone.navigate("/m/activities.html");
            signedIn(phone, memberSignIn(tree, member));
            phone.navigate("/m/activities.html?id=" + activityId);
            phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("会员报名")).click();
            assertThat(phone.locator("#sign-up-status")).hasText("已报名");
            if (member == first) {
                check(phone, "m-activity-member-signed-up");
            }
        }
        Page guest = phone().newPage();
        guest.navigate("/m/activities.html");
        assertThat(guest.locator("#activities li[data-id='" + activityId + "']")).containsText("名额已满");
        check(guest, "m-activities");
        guest.navigate("/m/activities.html?id=" + activityId);
        assertThat(guest.locator("#waiting")).hasText("0");
        String phoneNumber = "139" + String.format("%08d", (int) (Math.random() * 100_000_000));
        guest.getByLabel("姓名").fill("李小红");
        guest.getByLabel("职业").selectOption("DELIVERY_RIDER");
        guest.getByLabel("手机号").fill(phoneNumber);
        check(guest, "m-activity-guest-form");
        guest.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("获取验证码")).click();
        String[] code = new String[1];
        await("the guest's code in the log").atMost(Duration.ofSeconds(30))
                .until(() -> (code[0] = lastPhoneCode(phoneNumber)) != null);
        guest.getByLabel("短信验证码").fill(code[0]);
        guest.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交报名（候补）")).click();
        assertThat(guest.locator("#sign-up-status")).hasText("候补第 1 位");
        assertThat(guest.locator("#sign-up-code")).hasText(Pattern.compile("[2-9A-Z]{5} [2-9A-Z]{5}"));
        check(guest, "m-activity-guest-waiting");

        // The attendant lets the two members in at the door: one by the member QR code, one by the card number.
        Page door = phone().newPage();
        door.navigate("/station/");
        door.getByLabel("账号").fill(attendantName);
        door.getByLabel("密码").fill(UnionTree.PASSWORD);
        door.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        door.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("碑林区活动驿站（" + tree.run + "）"))
                .click();
        door.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("活动签到")).click();
        door.locator("button[data-id='" + activityId + "']").click();
        door.getByLabel("报名码或会员卡号").fill(first.qrToken());
        door.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("签到").setExact(true)).click();
        assertThat(door.locator("#door-result")).containsText("签到成功");
        door.getByLabel("报名码或会员卡号").fill(second.cardNumber());
        door.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("签到").setExact(true)).click();
        assertThat(door.locator("#door-counts")).hasText("已签到 2 / 已报名 2");
        check(door, "station-activity-door");

        // The first member's timeline and the organisation's activity figures show it.
        Page timeline = phone().newPage();
        timeline.navigate("/m/activities.html");
        signedIn(timeline, memberSignIn(tree, first));
        await("the attendance in the timeline").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    timeline.navigate("/m/timeline.html");
                    timeline.locator("#timeline li").first().waitFor();
                    return timeline.locator("#timeline").textContent().contains("趣味运动会（" + tree.run + "）");
                });
        assertThat(timeline.locator("#timeline")).containsText("已参加活动");
        check(timeline, "m-timeline-activity");

        console.navigate("/console/#activities?org=" + tree.district.id());
        assertThat(figure(console, "attended")).hasText("2");
        assertThat(figure(console, "attendedMembers")).hasText("2");
        assertThat(figure(console, "attendedNonMembers")).hasText("0");
        assertThat(figure(console, "confirmed")).hasText("2");
        assertThat(figure(console, "waiting")).hasText("1");
        check(console, "console-activities");
        JsonNode figures = expect(tree.gateway.get("/api/members/activities/figures?organizationId="
                + tree.district.id(), organizer), 200);
        assertThat(figures.get("attended").asInt()).isEqualTo(2);

        Page small = desktop(1024, 768).newPage();
        small.navigate("/console/#activities?org=" + tree.district.id() + "&id=" + activityId);
        staffSignIn(small, "e2e-organizer-" + tree.district.id());
        assertThat(small.locator("#sign-ups tbody tr")).hasCount(3);
        assertThat(small.locator("#sign-ups")).not().containsText(phoneNumber);
        check(small, "console-activity-sign-ups");
    }

    @Test
    void theDirectoryFindsTheBeilinDeliveryJointUnionByPlaceAndPlatform() {
        UnionTree tree = UnionTree.build(new UnionTree.Divisions("610000", "陕西省", "610100", "西安市", "610103",
                "碑林区"));
        String organizer = tree.staff("ORGANIZER", tree.district);
        Map<String, Object> joint = new LinkedHashMap<>();
        joint.put("name", "碑林区网约送餐行业联合工会（" + tree.run + "）");
        joint.put("kind", "PLATFORM_UNION");
        joint.put("divisionCode", "610103");
        joint.put("workerTypes", List.of("DELIVERY_RIDER", "COURIER"));
        joint.put("platforms", List.of("饿了么", "蓝骑士"));
        joint.put("parentId", tree.district.id());
        String jointId = expect(tree.post("/api/organizations", organizer, joint), 201).get("id").asString();
        expect(put(tree, "/api/organizations/" + jointId + "/contact", organizer, Map.of("address",
                "西安市碑林区东关南街 88 号骑手之家二楼", "officePhone", "029-87421019")), 200);

        Page page = phone().newPage();
        page.navigate("/m/index.html");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^找工会"))).click();
        page.getByLabel("所在地（区县、街道或区划代码）").fill("碑林区");
        page.getByLabel("平台").selectOption("饿了么");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找工会")).click();
        assertThat(page.locator("#summary")).containsText("陕西省 西安市 碑林区");
        var found = page.locator("#unions li[data-id='" + jointId + "']");
        assertThat(found).containsText("碑林区网约送餐行业联合工会（" + tree.run + "）");
        assertThat(found).containsText("029-87421019");
        assertThat(found).containsText("依托平台组建的工会");
        assertThat(found.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("申请入会"))).isVisible();
        check(page, "m-unions");
        page.getByLabel("平台").selectOption("美团");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找工会")).click();
        assertThat(page.locator("#unions li[data-id='" + jointId + "']")).hasCount(0);
    }

    private static com.microsoft.playwright.Locator figure(Page page, String key) {
        return page.locator("table[data-chart='activity-figures'] tr[data-key='" + key + "'] td").last();
    }

    private static void staffSignIn(Page page, String username) {
        page.getByLabel("账号").fill(username);
        page.getByLabel("密码").fill(UnionTree.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
    }

    private static HttpAnswer put(UnionTree tree, String path, String token, Object body) {
        return tree.gateway.put(path, token, body);
    }

    private static String openStation(UnionTree tree, String organizer) {
        String id = "e2e-" + tree.run + "-activity";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", "碑林区活动驿站（" + tree.run + "）");
        details.put("type", "RIDER_HOME");
        details.put("address", "西安市碑林区东关南街 88 号");
        details.put("divisionCode", "610103");
        details.put("location", Map.of("lat", 34.25, "lon", 108.96));
        details.put("amenities", Set.of("DRINKING_WATER", "CHARGING"));
        details.put("hours", Map.of("alwaysOpen", true));
        expect(tree.post("/api/stations", organizer, Map.of("id", id, "organizationId", tree.union.id(), "orgPath",
                tree.union.path(), "details", details)), 201);
        return id;
    }

    private record MemberToken(String accessToken, String memberId, int expiresIn) {
    }

    /** What the worker pages' sign-in leaves in the tab (docs/pages.md, "The worker pages"). */
    private static void signedIn(Page page, MemberToken token) {
        page.evaluate("([token, member, seconds]) => sessionStorage.setItem('union.member', JSON.stringify("
                + "{ accessToken: token, memberId: member, expiresAt: Date.now() + seconds * 1000 }))",
                List.of(token.accessToken(), token.memberId(), token.expiresIn()));
    }

    /** The member's sign-in by card and one-time code through the gateway (the code read from the service log). */
    private static MemberToken memberSignIn(UnionTree tree, UnionTree.Member member) {
        String card = member.cardNumber();
        String body = UnionTree.json(Map.of("cardNumber", card));
        String before = lastCardCode(card);
        HttpAnswer[] sent = new HttpAnswer[1];
        await("sign-in code for " + card).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> (sent[0] = tree.gateway.post("/api/members/sign-in/codes", null, body)).status() != 429);
        assertThat(sent[0].status()).as(sent[0].body()).isEqualTo(202);
        String[] code = new String[1];
        await("the code in the log").atMost(Duration.ofSeconds(30))
                .until(() -> (code[0] = lastCardCode(card)) != null && !code[0].equals(before));
        JsonNode token = expect(tree.gateway.post("/api/members/sign-in/token", null,
                UnionTree.json(Map.of("cardNumber", card, "code", code[0]))), 200);
        return new MemberToken(token.get("accessToken").asString(), member.id(),
                token.has("expiresIn") ? token.get("expiresIn").asInt() : 600);
    }

    private static String lastCardCode(String card) {
        String found = null;
        Matcher matcher = CARD_CODE.matcher(membershipLog());
        while (matcher.find()) {
            if (card.endsWith(matcher.group(1))) {
                found = matcher.group(2);
            }
        }
        return found;
    }

    private static String lastPhoneCode(String phone) {
        Matcher matcher = Pattern.compile("one-time code for phone " + Pattern.quote(phone.substring(0, 3) + "****"
                + phone.substring(7)) + ": (\\d{6})").matcher(membershipLog());
        String found = null;
        while (matcher.find()) {
            found = matcher.group(1);
        }
        return found;
    }

    private static String membershipLog() {
        Path log = screenshots().getParent().resolve("platform-logs").resolve("membership-service.log");
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
