package org.unionplatform.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.unionplatform.e2e.UnionTree.expect;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.unionplatform.e2e.UnionTree;
import org.unionplatform.testsupport.http.HttpAnswer;
import tools.jackson.databind.JsonNode;

/**
 * The hardship register at the officer's desk and consultations with a platform in the organizer's console, with
 * the workers' opinions from the phone page: everything through the gateway, in Chromium.
 */
class HardshipAndConsultationPageIT extends PageTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /**
     * A courier is refused the hardship grant until registered as in hardship at the desk, then receives it; once
     * the registration's review date has passed (corrected to yesterday through the API) the desk and the service
     * refuse them, saying why.
     */
    @Test
    void aMemberRegisteredInHardshipReceivesAHardshipGrantAndIsRefusedWithTheReasonOnceItLapsed() {
        UnionTree tree = UnionTree.build(new UnionTree.Divisions("650000", "新疆维吾尔自治区", "650100", "乌鲁木齐市",
                "650102", "天山区"));
        String organizer = tree.staff("ORGANIZER", tree.city);
        String officer = tree.staff("BENEFIT_OFFICER", tree.city);
        String username = "e2e-benefit-officer-" + tree.city.id();
        UnionTree.Member courier = tree.enrol(organizer, "COURIER");
        String program = openProgram(tree, officer);
        LocalDate today = LocalDate.now(BEIJING);

        Page page = desktop(1440, 900).newPage();
        page.navigate("/desk/");
        signIn(page, username);
        Locator grant = page.locator("[data-program='" + program + "']");
        find(page, courier);
        assertThat(grant.locator("[data-eligible]")).hasText("✗ 不能领取：项目只面向登记在册的困难职工");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("困难建档")).click();
        page.getByLabel("会员卡号").fill(courier.cardNumber());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找").setExact(true)).click();
        assertThat(page.locator("#hardship-status")).hasText("未建档");
        page.getByLabel("困难原因").selectOption("INJURY");
        page.getByLabel("核实材料").fill("送件途中摔伤致右腿骨折，停工三个月；已核看医院诊断证明");
        page.getByLabel("核实人").fill("天山区总工会 马丽");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记为困难职工")).click();
        assertThat(page.locator("#hardship-status")).hasText("在册");
        assertThat(page.locator("tr[data-member='" + courier.id() + "']")).containsText("因伤");
        check(page, "desk-hardship-1440");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("办理发放")).click();
        find(page, courier);
        assertThat(grant.locator("[data-eligible]")).hasText("✓ 可以领取");
        grant.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("发放")).click();
        assertThat(grant.locator(".notice.ok")).containsText("✓ 已发放");
        assertThat(expect(tree.gateway.get("/api/benefits/grants?programId=" + program + "&memberId=" + courier.id(),
                officer), 200).get("totalItems").asLong()).isEqualTo(1);

        // The review date passes: corrected to yesterday through the API, the registration no longer counts.
        LocalDate yesterday = today.minusDays(1);
        expect(tree.post("/api/members/" + courier.id() + "/hardship/review-date", officer, Map.of("reviewOn",
                yesterday.toString(), "note", "诊断证明有效期只到昨天")), 200);
        String why = "困难职工建档已失效：复核日期 " + yesterday + " 前未复核，需重新建档";
        HttpAnswer refused = tree.gateway.request("POST", "/api/benefits/programs/" + program + "/grants")
                .token(officer).idempotencyKey(UUID.randomUUID().toString()).json(Map.of("memberId", courier.id()))
                .send();
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.problem().rule()).isEqualTo("hardship");
        assertThat(refused.problem().detail()).isEqualTo(why);

        Page small = desktop(1024, 768).newPage();
        small.navigate("/desk/");
        signIn(small, username);
        find(small, courier);
        assertThat(small.locator("[data-program='" + program + "'] [data-eligible]")).hasText("✗ 不能领取：" + why);
        check(small, "desk-hardship-refused-1024");
        small.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("困难建档")).click();
        small.getByLabel("会员卡号").fill(courier.cardNumber());
        small.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找").setExact(true)).click();
        assertThat(small.locator("#hardship-status")).hasText("已失效");
        check(small, "desk-hardship-1024");
    }

    /**
     * An organizer plans a round with a platform in the console; three riders give their opinions on the phone
     * page (two anonymous, one with a name); the organizer sees them counted by topic, records the agreement with
     * its follow-up items and marks one done; the monthly report counts the round in this month.
     */
    @Test
    void aConsultationRoundGathersThreeRidersOpinionsRecordsAnAgreementAndCountsInTheMonthlyReport() {
        UnionTree tree = UnionTree.build(new UnionTree.Divisions("540000", "西藏自治区", "540100", "拉萨市",
                "540102", "城关区"));
        String organizer = tree.staff("ORGANIZER", tree.city);
        String username = "e2e-organizer-" + tree.city.id();
        String company = expect(tree.post("/api/organizations/companies", organizer, Map.of("name",
                "拉萨速达配送服务有限公司" + tree.run, "creditCode", creditCode("540102"), "type", "PLATFORM",
                "platform", "速达外卖", "divisionCode", "540102", "organizationId", tree.city.id())), 201)
                .get("id").asString();
        LocalDate today = LocalDate.now(BEIJING);

        Page console = desktop(1440, 900).newPage();
        console.navigate("/console/");
        console.getByLabel("账号").fill(username);
        console.getByLabel("密码").fill(UnionTree.PASSWORD);
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("集体协商")).click();
        console.getByLabel("协商名称").fill("骑手劳动定额与派单规则协商");
        console.getByLabel("平台或企业").selectOption(company);
        console.getByLabel("算法与派单规则").check();
        console.getByLabel("休息休假").check();
        console.getByLabel("工会方").fill("拉萨市总工会 副主席\n城关区总工会 主席");
        console.getByLabel("企业方").fill("平台区域负责人 运营经理");
        console.getByLabel("职工代表").fill("骑手代表张师傅");
        check(console, "console-consultation-plan-1440");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存并开始征集意见")).click();
        assertThat(console.locator("#round-status")).hasText("征集意见中");
        String round = console.url().replaceAll(".*[?&]id=([^&]+).*", "$1");

        List<Map<String, String>> riders = List.of(
                Map.of("topic", "ALGORITHMS", "text", "恶劣天气时系统派单时限应自动延长"),
                Map.of("topic", "ALGORITHMS", "text", "超时扣款太重，希望先提醒后处罚", "name", "李骑手"),
                Map.of("topic", "REST", "text", "连续送单四小时后应有二十分钟休息"));
        for (int i = 0; i < riders.size(); i++) {
            Map<String, String> rider = riders.get(i);
            BrowserContext phone = phone();
            Page page = phone.newPage();
            page.navigate("/m/opinion.html");
            Locator form = page.locator("form[data-round='" + round + "']");
            form.getByLabel("议题").selectOption(rider.get("topic"));
            form.getByLabel("您的意见").fill(rider.get("text"));
            form.getByLabel("您的职业").selectOption("DELIVERY_RIDER");
            if (rider.containsKey("name")) {
                form.getByLabel("匿名提交").uncheck();
                form.getByLabel("称呼").fill(rider.get("name"));
            }
            if (i == 0) {
                check(page, "m-opinion");
            }
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("提交意见")).click();
            assertThat(form.getByRole(AriaRole.STATUS)).containsText("已收到您的意见");
        }

        // The staff pages keep no session over a reload: back to the list, then the round again.
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("集体协商")).click();
        console.locator("tr[data-round='" + round + "'] a").click();
        assertThat(console.locator("#opinions-title")).hasText("职工意见（3 条）");
        assertThat(console.locator("table[data-chart='opinions-by-topic'] tr[data-key='ALGORITHMS'] td")).hasText("2");
        assertThat(console.locator("table[data-chart='opinions-by-topic'] tr[data-key='REST'] td")).hasText("1");
        assertThat(console.locator(".opinion-list")).containsText("李骑手");
        console.getByLabel("协议内容或结果").fill("平台同意恶劣天气自动延长配送时限10分钟，首次超时改为提醒，每连续工作四小时提示休息。");
        console.getByLabel("落实事项").fill("平台发布新版派单规则 " + today.plusDays(30) + "\n工会回访骑手执行情况 "
                + today.plusDays(60));
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存协商结果")).click();
        assertThat(console.locator("#outcome-title")).hasText("协商结果：达成协议");
        check(console, "console-consultation-1440");

        Page small = desktop(1024, 768).newPage();
        small.navigate("/console/#consultations?id=" + round);
        small.getByLabel("账号").fill(username);
        small.getByLabel("密码").fill(UnionTree.PASSWORD);
        small.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        Locator firstItem = small.locator("table[data-list='follow-ups'] tbody tr").first();
        firstItem.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("标记完成")).click();
        assertThat(small.locator("table[data-list='follow-ups'] tbody tr").first()).containsText("已完成 " + today);
        check(small, "console-consultation-1024");

        JsonNode report = expect(tree.gateway.get("/api/organizations/" + tree.city.id() + "/reports/monthly?year="
                + today.getYear() + "&month=" + today.getMonthValue(), organizer), 200);
        assertThat(report.get("consultations").get("month").asLong()).isEqualTo(1);
        JsonNode held = expect(tree.gateway.get("/api/organizations/consultations/" + round, organizer), 200);
        assertThat(held.get("opinions").asLong()).isEqualTo(3);
        assertThat(held.get("followUps").get(0).get("done").asBoolean()).isTrue();
    }

    private static final String CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** A fresh valid unified social credit code (GB 32100): 91, the division, a random serial, the check character. */
    private static String creditCode(String division) {
        StringBuilder first17 = new StringBuilder("91" + division);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            first17.append(CREDIT_CODE_ALPHABET.charAt(random.nextInt(CREDIT_CODE_ALPHABET.length())));
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return first17.toString() + CREDIT_CODE_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static void signIn(Page page, String username) {
        page.getByLabel("账号").fill(username);
        page.getByLabel("密码").fill(UnionTree.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录").setExact(true)).click();
        assertThat(page.getByLabel("会员卡号、手机号或姓名")).isVisible();
    }

    private static void find(Page page, UnionTree.Member member) {
        page.getByLabel("会员卡号、手机号或姓名").fill(member.cardNumber());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找").setExact(true)).click();
        assertThat(page.locator("#member-card-number")).hasText(member.cardNumber());
    }

    private static String openProgram(UnionTree tree, String officer) {
        LocalDate today = LocalDate.now(BEIJING);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "困难职工帮扶金（" + tree.run + "）");
        body.put("kind", "HARDSHIP_GRANT");
        body.put("organizationId", tree.city.id());
        body.put("orgPath", tree.city.path());
        body.put("startsOn", today.minusDays(1).toString());
        body.put("endsOn", today.plusDays(30).toString());
        body.put("budgetFen", 1_000_000L);
        body.put("amountPerGrantFen", 200_000L);
        body.put("eligibility", Map.of("hardshipRequired", true));
        String id = expect(tree.post("/api/benefits/programs", officer, body), 201).get("id").asString();
        expect(tree.post("/api/benefits/programs/" + id + "/open", officer, null), 200);
        return id;
    }
}
