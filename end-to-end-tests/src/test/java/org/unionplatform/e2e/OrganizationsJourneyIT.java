package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;
import static org.unionplatform.e2e.UnionTree.organisation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * organization-service as its users meet it: through the gateway, with tokens the platform issued to an
 * administrator, an organizer and a benefit officer scoped to one city federation. Every endpoint family answers
 * its success path, and its bad input as a problem naming the field or the rule.
 *
 * <p>One tree is built once for the class, in Qinghai's Haixi prefecture (632800), away from anything the other
 * journeys create. Each test adds what it changes under that tree, so the tests do not depend on their order.
 */
class OrganizationsJourneyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String PASSWORD = "journey-password-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> ELECTION_STEPS = List.of("IMPLEMENTATION_PLAN", "MEMBER_REGISTRATION",
            "ASSEMBLY_NOTICE", "ELECTION_RULES", "CANDIDATE_NOMINATION", "VOTE_COUNT");
    private static final List<String> AFTER_APPROVAL_STEPS = List.of("ONLINE_REGISTRATION",
            "LEGAL_PERSON_CERTIFICATE", "BANK_ACCOUNT");

    /** Names, platforms, usernames and credit codes carry it, so a rerun on a shared MongoDB never collides. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String PLATFORM = "e2e-platform-" + RUN;

    private static PlatformUnderTest platform;
    private static HttpTestClient gateway;
    private static String admin;
    private static String organizer;
    private static String officer;
    private static int year;

    private static Org qinghai;
    private static Org haixi;
    private static Org golmud;
    private static Org delingha;
    private static Org courierFederation;
    private static Org platformUnion;
    private static Org xining;

    /** An organisation as the journey needs it: its id, path and name. */
    record Org(String id, String path, String name) {

        static Org of(JsonNode json) {
            return new Org(json.get("id").asString(), json.get("orgPath").asString(), json.get("name").asString());
        }
    }

    @BeforeAll
    static void buildTheTreeAndSignInItsStaff() {
        platform = PlatformUnderTest.get();
        gateway = HttpTestClient.at(platform.gateway());
        admin = gateway.signIn("admin", platform.adminPassword());
        year = LocalDate.now(BEIJING).getYear();

        qinghai = create(admin, "青海省总工会（" + RUN + "）", "PROVINCE_FEDERATION", "630000", null);
        haixi = create(admin, "海西州总工会（" + RUN + "）", "CITY_FEDERATION", "632800", qinghai.id());
        xining = create(admin, "西宁市总工会（" + RUN + "）", "CITY_FEDERATION", "630100", qinghai.id());

        organizer = staff("ORGANIZER", haixi);
        officer = staff("BENEFIT_OFFICER", haixi);

        golmud = create(organizer, "格尔木市总工会（" + RUN + "）", "DISTRICT_FEDERATION", "632801", haixi.id());
        delingha = create(organizer, "德令哈市总工会（" + RUN + "）", "DISTRICT_FEDERATION", "632802", haixi.id());
        courierFederation = create(organizer, "海西州快递行业工会联合会（" + RUN + "）", "INDUSTRY_FEDERATION", "632800",
                haixi.id(), "COURIER");
        Map<String, Object> union = organisation("格尔木外卖骑手工会（" + RUN + "）", "PLATFORM_UNION", "632801",
                golmud.id(), "DELIVERY_RIDER");
        union.put("platforms", List.of(PLATFORM));
        platformUnion = Org.of(expect(post("/api/organizations", organizer, union), 201));

        expect(put("/api/organizations/" + haixi.id() + "/targets/" + year, admin, Map.of("newMembers",
                Map.of("COURIER", 100, "DELIVERY_RIDER", 50), "unionsFounded", 4)), 200);
    }

    // ---- the tree ----

    @Test
    void anOrganizerBuildsReadsChangesAndDeletesPartOfTheTree() {
        JsonNode created = expect(post("/api/organizations", organizer, organisation("格尔木某快递公司工会（" + RUN + "）",
                "ENTERPRISE_UNION", "632801", golmud.id(), "COURIER")), 201);
        Org union = Org.of(created);
        assertThat(union.path()).isEqualTo(golmud.path() + union.id() + "/");
        assertThat(created.get("depth").asInt()).isEqualTo(3);
        assertThat(created.get("kindLabel").asString()).isEqualTo("企业工会");

        assertThat(expect(gateway.get("/api/organizations/" + union.id(), officer), 200).get("name").asString())
                .isEqualTo(union.name());
        assertThat(ids(expect(gateway.get("/api/organizations/" + golmud.id() + "/children", organizer), 200)))
                .contains(union.id(), platformUnion.id());
        assertThat(ids(expect(gateway.get("/api/organizations?parentId=" + golmud.id(), organizer), 200)))
                .contains(union.id(), platformUnion.id());
        assertThat(ids(expect(gateway.get("/api/organizations/" + haixi.id()
                + "/descendants?kind=DISTRICT_FEDERATION", organizer), 200)))
                .containsExactlyInAnyOrder(golmud.id(), delingha.id());
        JsonNode everything = expect(gateway.get("/api/organizations?size=200", organizer), 200);
        assertThat(everything.get("items")).allSatisfy(o -> assertThat(o.get("orgPath").asString())
                .startsWith(haixi.path()));
        JsonNode summary = expect(gateway.get("/api/organizations/" + haixi.id() + "/summary", officer), 200);
        assertThat(summary.get("organizationsByKind").get("DISTRICT_FEDERATION").asLong()).isEqualTo(2);
        assertThat(summary.get("organizationsByKind").get("INDUSTRY_FEDERATION").asLong()).isEqualTo(1);
        assertThat(summary.get("organizationsByKind").get("PLATFORM_UNION").asLong()).isEqualTo(1);

        JsonNode changed = expect(put("/api/organizations/" + union.id(), organizer, Map.of("name",
                union.name() + "（更名）", "divisionCode", "632801", "workerTypes", List.of("COURIER", "TRUCK_DRIVER"))),
                200);
        assertThat(changed.get("name").asString()).endsWith("（更名）");
        assertThat(changed.get("workerTypes")).extracting(JsonNode::asString)
                .containsExactly("COURIER", "TRUCK_DRIVER");

        assertThat(gateway.send("DELETE", "/api/organizations/" + union.id(), organizer, null).status())
                .isEqualTo(204);
        expectProblem(gateway.get("/api/organizations/" + union.id(), organizer), 404, null, null);
    }

    @Test
    void invalidDivisionCodesAreProblemsNamingTheDivisionCode() {
        for (String code : List.of("990000", "63280", "637100", "6328AB")) {
            expectProblem(post("/api/organizations", organizer, organisation("x", "ENTERPRISE_UNION", code,
                    haixi.id())), 400, "divisionCode", null);
        }
        expectProblem(post("/api/organizations", admin, organisation("x", "CITY_FEDERATION", "632801",
                qinghai.id())), 422, "divisionCode", "division-level");
        expectProblem(post("/api/organizations", organizer, organisation("x", "ENTERPRISE_UNION", "630102",
                haixi.id())), 422, "divisionCode", "division-within-parent");
        expectProblem(put("/api/organizations/" + golmud.id(), organizer, Map.of("name", golmud.name(),
                "divisionCode", "12345")), 400, "divisionCode", null);
        expectProblem(put("/api/organizations/" + golmud.id(), organizer, Map.of("name", golmud.name(),
                "divisionCode", "632800")), 422, "divisionCode", "division-level");
    }

    @Test
    void anUnknownOrOutOfScopeParentIsAProblemNamingTheParent() {
        expectProblem(post("/api/organizations", admin, organisation("x", "ENTERPRISE_UNION", "632801",
                "no-such-org-" + RUN)), 422, "parentId", "unknown-parent");
        JsonNode outOfScope = expectProblem(post("/api/organizations", organizer, organisation("x",
                "ENTERPRISE_UNION", "630102", xining.id())), 422, "parentId", "unknown-parent");
        assertThat(outOfScope.get("detail").asString()).contains(xining.id());
        expectProblem(post("/api/organizations", organizer, organisation("x", "PROVINCE_FEDERATION", "620000",
                null)), 422, "parentId", "root-needs-admin");
    }

    @Test
    void aSubtreeMovesWithItsPathsButNeverUnderItselfOrAnUnknownParent() {
        Org joint = create(organizer, "格尔木联合工会（" + RUN + "）", "JOINT_UNION", "632801", golmud.id());
        Org member = create(organizer, "格尔木某物流公司工会（" + RUN + "）", "ENTERPRISE_UNION", "632801", joint.id());
        String move = "/api/organizations/" + joint.id() + "/move";

        expectProblem(post(move, organizer, Map.of("newParentId", member.id())), 422, "newParentId", "no-cycle");
        expectProblem(post(move, organizer, Map.of("newParentId", joint.id())), 422, "newParentId", "no-cycle");
        expectProblem(post(move, organizer, Map.of("newParentId", "no-such-org-" + RUN)), 422, "newParentId",
                "unknown-parent");
        expectProblem(post(move, organizer, Map.of("newParentId", xining.id())), 422, "newParentId",
                "unknown-parent");
        expectProblem(post(move, organizer, Map.of("newParentId", delingha.id())), 422, "newParentId",
                "division-within-parent");
        expectProblem(post(move, organizer, Map.of()), 400, "newParentId", null);
        expectProblem(post("/api/organizations/" + haixi.id() + "/move", organizer,
                Map.of("newParentId", golmud.id())), 403, null, null);

        JsonNode moved = expect(post(move, organizer, Map.of("newParentId", haixi.id())), 200);
        assertThat(moved.get("orgPath").asString()).isEqualTo(haixi.path() + joint.id() + "/");
        JsonNode child = expect(gateway.get("/api/organizations/" + member.id(), organizer), 200);
        assertThat(child.get("orgPath").asString()).isEqualTo(haixi.path() + joint.id() + "/" + member.id() + "/");
        assertThat(child.get("depth").asInt()).isEqualTo(3);

        expectProblem(gateway.send("DELETE", "/api/organizations/" + joint.id(), organizer, null), 409, null,
                "organization-has-children");
        assertThat(gateway.send("DELETE", "/api/organizations/" + member.id(), organizer, null).status())
                .isEqualTo(204);
        assertThat(gateway.send("DELETE", "/api/organizations/" + joint.id(), organizer, null).status())
                .isEqualTo(204);
    }

    @Test
    void staffScopedToASubtreeFindNothingOutsideIt() {
        JsonNode company = expect(post("/api/organizations/companies", admin, company(creditCode("630102"),
                "西宁某配送公司（" + RUN + "）", "630102", xining.id())), 201);
        String companyId = company.get("id").asString();
        assertThat(gateway.get("/api/organizations/" + xining.id(), admin).status())
                .as("it exists: the 404 below is the scope").isEqualTo(200);

        for (String path : List.of("/api/organizations/" + xining.id(),
                "/api/organizations/" + xining.id() + "/summary",
                "/api/organizations/" + xining.id() + "/children",
                "/api/organizations/" + xining.id() + "/descendants",
                "/api/organizations/" + xining.id() + "/targets/" + year + "/progress",
                "/api/organizations/" + xining.id() + "/reports/monthly",
                "/api/organizations/" + xining.id() + "/reports/monthly/xlsx",
                "/api/organizations/companies/" + companyId)) {
            expectProblem(gateway.get(path, organizer), 404, null, null);
            expectProblem(gateway.get(path, officer), 404, null, null);
        }
        expectProblem(put("/api/organizations/" + xining.id(), organizer, Map.of("name", "x", "divisionCode",
                "630100")), 404, null, null);
        expectProblem(post("/api/organizations/companies/" + companyId + "/status", organizer,
                Map.of("status", "GUIDED")), 404, null, null);
        assertThat(expect(gateway.get("/api/organizations/companies?size=200", organizer), 200).get("items"))
                .allSatisfy(c -> assertThat(c.get("orgPath").asString()).startsWith(haixi.path()));
    }

    // ---- companies ----

    @Test
    void aCompanyIsRegisteredChangedFollowedAndMovedOneStepAtATime() {
        String code = creditCode("632801");
        Map<String, Object> registration = company(code, "格尔木某即时配送平台公司（" + RUN + "）", "632801", golmud.id());
        JsonNode registered = expect(post("/api/organizations/companies", organizer, registration), 201);
        String id = registered.get("id").asString();
        assertThat(registered.get("creditCode").asString()).isEqualTo(code);
        assertThat(registered.get("status").asString()).isEqualTo("SURVEYED");
        assertThat(registered.get("orgPath").asString()).isEqualTo(golmud.path());
        assertThat(registered.get("totalHeadcount").asInt()).isEqualTo(85);

        assertThat(expect(gateway.get("/api/organizations/companies/" + id, officer), 200).get("name").asString())
                .isEqualTo(registration.get("name"));
        JsonNode changed = expect(put("/api/organizations/companies/" + id, organizer, Map.of("name",
                registration.get("name") + "（更名）", "platform", PLATFORM, "headcount", Map.of("DELIVERY_RIDER", 120),
                "keyPlatform", true)), 200);
        assertThat(changed.get("totalHeadcount").asInt()).isEqualTo(120);
        assertThat(ids(expect(gateway.get("/api/organizations/companies?organizationId=" + golmud.id(), officer),
                200))).contains(id);

        String status = "/api/organizations/companies/" + id + "/status";
        expect(post(status, organizer, Map.of("status", "GUIDED", "note", "上门宣传建会政策")), 200);
        expectProblem(post(status, organizer, Map.of("status", "ESTABLISHED")), 422, "status", "status-order");
        expectProblem(post(status, organizer, Map.of("status", "SURVEYED")), 422, "status", "status-order");
        JsonNode followed = expect(post("/api/organizations/companies/" + id + "/follow-ups", organizer,
                Map.of("note", "与企业负责人沟通建会事宜")), 200);
        assertThat(followed.get("followUps")).hasSize(1);
        assertThat(followed.get("statusHistory")).extracting(h -> h.get("status").asString())
                .containsExactly("SURVEYED", "GUIDED");

        JsonNode watched = null;
        for (JsonNode entry : expect(gateway.get("/api/organizations/companies/watch-list?size=200", officer), 200)
                .get("items")) {
            if (entry.get("companyId").asString().equals(id)) {
                watched = entry;
            }
        }
        assertThat(watched).as("a key platform company is on the watch list").isNotNull();
        assertThat(watched.get("followedUpThisWeek").asBoolean()).isTrue();
        assertThat(watched.get("status").asString()).isEqualTo("GUIDED");
    }

    @Test
    void invalidAndDuplicateCreditCodesAreProblemsNamingTheCreditCode() {
        String code = creditCode("632802");
        char wrongCheck = code.charAt(17) == '0' ? '1' : '0';
        expectProblem(post("/api/organizations/companies", organizer, company(code.substring(0, 17) + wrongCheck,
                "x", "632802", delingha.id())), 400, "creditCode", null);
        String withI = code.substring(0, 10) + "I" + code.substring(11, 17);
        expectProblem(post("/api/organizations/companies", organizer, company(withI + checkCharacter(
                withI.replace('I', '1')), "x", "632802", delingha.id())), 400, "creditCode", null);
        expectProblem(post("/api/organizations/companies", organizer, company(code.substring(0, 16), "x", "632802",
                delingha.id())), 400, "creditCode", null);

        expect(post("/api/organizations/companies", organizer, company(code, "德令哈某货运公司（" + RUN + "）", "632802",
                delingha.id())), 201);
        JsonNode duplicate = expectProblem(post("/api/organizations/companies", organizer, company(code,
                "德令哈另一家公司（" + RUN + "）", "632802", delingha.id())), 409, "creditCode", "credit-code-unique");
        assertThat(duplicate.toString()).doesNotContain("E11000");
    }

    // ---- founding a union ----

    @Test
    void aUnionIsFoundedThroughItsStepsInTheirOrderAndExistsFromTheApprovalOfTheUnionAbove() {
        JsonNode company = expect(post("/api/organizations/companies", organizer, company(creditCode("632802"),
                "德令哈某配送站（" + RUN + "）", "632802", delingha.id())), 201);
        String companyId = company.get("id").asString();
        long foundedBefore = expect(gateway.get("/api/organizations/" + haixi.id() + "/summary", organizer), 200)
                .get("unionsFounded").asLong();
        JsonNode founding = expect(post("/api/organizations/foundings", organizer, Map.of("parentId", delingha.id(),
                "name", "德令哈配送站联合工会（" + RUN + "）", "kind", "JOINT_UNION", "divisionCode", "632802",
                "workerTypes", List.of("DELIVERY_RIDER"), "companyIds", List.of(companyId))), 201);
        String id = founding.get("id").asString();
        String steps = "/api/organizations/foundings/" + id + "/steps";
        assertThat(founding.get("nextStep").asString()).isEqualTo("IMPLEMENTATION_PLAN");
        String today = LocalDate.now(BEIJING).toString();

        JsonNode outOfOrder = expectProblem(post(steps, organizer, Map.of("step", "ASSEMBLY_NOTICE", "date", today)),
                422, "step", "founding-step-order");
        assertThat(outOfOrder.get("detail").asString()).contains("IMPLEMENTATION_PLAN");
        expectProblem(post(steps, organizer, Map.of("step", "IMPLEMENTATION_PLAN", "date",
                LocalDate.now(BEIJING).plusDays(1).toString())), 422, "date", "founding-step-date");
        expectProblem(post(steps, organizer, Map.of("step", "NO_SUCH_STEP", "date", today)), 400, "step", null);

        for (String step : ELECTION_STEPS) {
            expect(post(steps, organizer, Map.of("step", step, "date", today, "note", step + " 完成")), 200);
        }
        expectProblem(post(steps, organizer, Map.of("step", "UNION_APPROVAL", "date", today)), 422, "step",
                "founding-approval");
        JsonNode approved = expect(post("/api/organizations/foundings/" + id + "/approval", organizer,
                Map.of("date", today, "note", "德令哈市总工会批复")), 200);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        String unionId = approved.get("organizationId").asString();
        JsonNode last = null;
        for (String step : AFTER_APPROVAL_STEPS) {
            last = expect(post(steps, organizer, Map.of("step", step, "date", today, "note", step + " 完成")), 200);
        }
        assertThat(last.get("status").asString()).isEqualTo("COMPLETED");
        expectProblem(post(steps, organizer, Map.of("step", "BANK_ACCOUNT", "date", today)), 409, null,
                "founding-completed");

        assertThat(expect(gateway.get("/api/organizations/foundings/" + id, officer), 200).get("steps")).hasSize(10);
        assertThat(ids(expect(gateway.get("/api/organizations/foundings?status=COMPLETED&size=200", officer), 200)))
                .contains(id);
        assertThat(expect(gateway.get("/api/organizations/" + unionId, officer), 200).get("orgPath").asString())
                .isEqualTo(delingha.path() + unionId + "/");
        JsonNode linked = expect(gateway.get("/api/organizations/companies/" + companyId, officer), 200);
        assertThat(linked.get("status").asString()).isEqualTo("ESTABLISHED");
        assertThat(linked.get("coveringOrganizationId").asString()).isEqualTo(unionId);
        assertThat(expect(gateway.get("/api/organizations/" + haixi.id() + "/summary", organizer), 200)
                .get("unionsFounded").asLong()).isEqualTo(foundedBefore + 1);
    }

    // ---- targets ----

    @Test
    void aTargetIsSplitToTheChildrenButNeverOverTheParent() {
        String target = "/api/organizations/" + haixi.id() + "/targets/" + year;
        List<JsonNode> split = new ArrayList<>();
        expect(post(target + "/split", organizer, Map.of("allocations", List.of(
                Map.of("organizationId", golmud.id(), "newMembers", Map.of("COURIER", 60, "DELIVERY_RIDER", 30),
                        "unionsFounded", 3),
                Map.of("organizationId", delingha.id(), "newMembers", Map.of("COURIER", 40), "unionsFounded", 1)))),
                200).forEach(split::add);
        assertThat(split).extracting(t -> t.get("organizationId").asString())
                .containsExactlyInAnyOrder(golmud.id(), delingha.id());

        expectProblem(post(target + "/split", organizer, Map.of("allocations", List.of(Map.of("organizationId",
                golmud.id(), "newMembers", Map.of("COURIER", 61), "unionsFounded", 3)))), 422,
                "allocations.newMembers.COURIER", "target-split-exceeds-parent");
        expectProblem(post(target + "/split", organizer, Map.of("allocations", List.of(Map.of("organizationId",
                golmud.id(), "newMembers", Map.of("COURIER", 60), "unionsFounded", 4)))), 422,
                "allocations.unionsFounded", "target-split-exceeds-parent");
        expectProblem(put("/api/organizations/" + golmud.id() + "/targets/" + year, organizer, Map.of("newMembers",
                Map.of("COURIER", 61, "DELIVERY_RIDER", 30), "unionsFounded", 3)), 422, "newMembers.COURIER",
                "target-split-exceeds-parent");
        expectProblem(put(target, admin, Map.of("newMembers", Map.of("COURIER", 99, "DELIVERY_RIDER", 50),
                "unionsFounded", 4)), 422, "newMembers", "target-below-children");
        expectProblem(put(target, organizer, Map.of("newMembers", Map.of("COURIER", 100), "unionsFounded", 4)), 403,
                null, null);
        expectProblem(put(target, admin, Map.of("newMembers", Map.of("COURIER", -5), "unionsFounded", 4)), 400,
                null, null);

        assertThat(expect(gateway.get("/api/organizations/" + golmud.id() + "/targets/" + year, officer), 200)
                .get("newMembers").get("COURIER").asLong()).isEqualTo(60);
        JsonNode progress = expect(gateway.get(target + "/progress", officer), 200);
        assertThat(progress.get("organization").get("targetTotal").asLong()).isEqualTo(150);
        assertThat(progress.get("organization").get("targetUnionsFounded").asLong()).isEqualTo(4);
        JsonNode golmudProgress = null;
        for (JsonNode child : progress.get("children")) {
            if (child.get("organizationId").asString().equals(golmud.id())) {
                golmudProgress = child;
            }
        }
        assertThat(golmudProgress).isNotNull();
        assertThat(golmudProgress.get("targetTotal").asLong()).isEqualTo(90);
    }

    // ---- the monthly report ----

    @Test
    void theMonthlyReportCountsAnApprovedMemberAndDownloadsAsAWorkbookNamedInChinese() {
        Instant approvedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        YearMonth month = YearMonth.from(approvedAt.atZone(BEIJING));
        String report = "/api/organizations/" + haixi.id() + "/reports/monthly?year=" + month.getYear() + "&month="
                + month.getMonthValue();
        // membership-service announces an approval like this; organization-service counts it asynchronously.
        publishApproval(platformUnion, "DELIVERY_RIDER", approvedAt);

        JsonNode counted = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> expect(gateway.get(report, officer), 200),
                json -> json.get("totals").get("newMembers").path("DELIVERY_RIDER").asLong() == 1);
        assertThat(counted.get("organizationName").asString()).isEqualTo(haixi.name());
        assertThat(counted.get("months")).hasSize(month.getMonthValue());
        JsonNode thisMonth = counted.get("months").get(month.getMonthValue() - 1);
        assertThat(thisMonth.get("month").asString()).isEqualTo(month.toString());
        assertThat(thisMonth.get("newMembers").get("DELIVERY_RIDER").asLong()).isEqualTo(1);
        assertThat(counted.get("members").asLong()).isEqualTo(1);
        assertThat(counted.get("target").get("total").asLong()).isEqualTo(150);
        assertThat(counted.get("target").get("unionsFounded").asLong()).isEqualTo(4);
        assertThat(counted.get("completionPercent").get("DELIVERY_RIDER").asDouble()).isEqualTo(2.0);

        HttpAnswer workbook = gateway.get("/api/organizations/" + haixi.id() + "/reports/monthly/xlsx?year="
                + month.getYear() + "&month=" + month.getMonthValue(), officer);
        assertThat(workbook.status()).isEqualTo(200);
        assertThat(workbook.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(XLSX));
        String disposition = workbook.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment;").contains("filename=\"monthly-report-");
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(haixi.name()
                + month.getYear() + "年" + month.getMonthValue() + "月建会入会月报.xlsx");
        assertThat(zipEntry(workbook.bytes(), "xl/workbook.xml")).contains("name=\"月报\"");

        expectProblem(gateway.get("/api/organizations/" + haixi.id() + "/reports/monthly?year=" + month.getYear()
                + "&month=13", officer), 400, "month", null);
    }

    // ---- dispatch ----

    @Test
    void dispatchNamesTheUnionAndTheRuleThatDecided() {
        JsonNode company = expect(post("/api/organizations/companies", organizer, company(creditCode("632801"),
                "格尔木某快递网点（" + RUN + "）", "632801", golmud.id())), 201);
        String status = "/api/organizations/companies/" + company.get("id").asString() + "/status";
        expect(post(status, organizer, Map.of("status", "GUIDED")), 200);
        expect(post(status, organizer, Map.of("status", "PREPARING")), 200);
        expectProblem(post(status, organizer, Map.of("status", "ESTABLISHED")), 422, "coveringOrganizationId",
                "established-needs-union");
        expect(post(status, organizer, Map.of("status", "ESTABLISHED", "coveringOrganizationId",
                platformUnion.id())), 200);

        assertDispatch(organizer, Map.of("platform", PLATFORM, "divisionCode", "632801", "workerType",
                "DELIVERY_RIDER"), platformUnion, "PLATFORM_UNION");
        assertDispatch(admin, Map.of("divisionCode", "632802", "workerType", "COURIER"), courierFederation,
                "INDUSTRY_FEDERATION");
        // A county federation does not admit: with no union for the type it takes the application to re-assign.
        assertDispatch(organizer, Map.of("divisionCode", "632802", "workerType", "DOMESTIC_WORKER"), delingha,
                "REASSIGNMENT");
        assertDispatch(organizer, Map.of("companyCreditCode", company.get("creditCode").asString(), "divisionCode",
                "632802", "workerType", "COURIER"), platformUnion, "COMPANY_UNION");
        assertDispatch(organizer, Map.of("divisionCode", "632803", "workerType", "DESIGNATED_DRIVER"), haixi,
                "REASSIGNMENT");
        expectProblem(post("/api/organizations/dispatch", organizer, Map.of("divisionCode", "652101", "workerType",
                "DESIGNATED_DRIVER")), 404, null, "no-matching-union");

        expectProblem(post("/api/organizations/dispatch", organizer, Map.of("divisionCode", "999999", "workerType",
                "COURIER")), 400, "divisionCode", null);
        expectProblem(post("/api/organizations/dispatch", organizer, Map.of("divisionCode", "632802", "workerType",
                "PILOT")), 400, "workerType", null);
        String code = creditCode("632802");
        expectProblem(post("/api/organizations/dispatch", organizer, Map.of("divisionCode", "632802", "workerType",
                "COURIER", "companyCreditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'))), 400,
                "companyCreditCode", null);
        expectProblem(post("/api/organizations/dispatch", officer, Map.of("divisionCode", "632802", "workerType",
                "COURIER")), 403, null, null);
    }

    private static void assertDispatch(String token, Map<String, Object> request, Org union, String rule) {
        JsonNode decision = expect(post("/api/organizations/dispatch", token, request), 200);
        assertThat(decision.get("rule").asString()).as(request.toString()).isEqualTo(rule);
        assertThat(decision.get("organizationId").asString()).as(request.toString()).isEqualTo(union.id());
        assertThat(decision.get("orgPath").asString()).isEqualTo(union.path());
        assertThat(decision.get("organizationName").asString()).isEqualTo(union.name());
    }

    // ---- the fixture's means ----

    private static Org create(String token, String name, String kind, String division, String parentId,
            String... workerTypes) {
        return Org.of(expect(post("/api/organizations", token, organisation(name, kind, division, parentId,
                workerTypes)), 201));
    }

    private static Map<String, Object> company(String creditCode, String name, String division,
            String organizationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("creditCode", creditCode);
        body.put("name", name);
        body.put("type", "PLATFORM");
        body.put("platform", PLATFORM);
        body.put("divisionCode", division);
        body.put("organizationId", organizationId);
        body.put("headcount", Map.of("DELIVERY_RIDER", 80, "COURIER", 5));
        body.put("keyPlatform", true);
        return body;
    }

    /** A staff account scoped to one organisation's subtree, created by the administrator; answers its token. */
    private static String staff(String role, Org scope) {
        String username = "e2e-" + role.toLowerCase().replace('_', '-') + "-" + RUN;
        expect(post("/api/auth/accounts", admin, Map.of("username", username, "password", PASSWORD, "roles",
                List.of(role), "orgId", scope.id(), "orgPath", scope.path())), 201);
        return gateway.signIn(username, PASSWORD);
    }

    /** Publishes membership.approved v1 on this run's exchange, as membership-service does (docs/events.md). */
    private static void publishApproval(Org union, String workerType, Instant approvedAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("memberId", "e2e-member-" + UUID.randomUUID());
        payload.put("organizationId", union.id());
        payload.put("orgPath", union.path());
        payload.put("workerType", workerType);
        payload.put("platform", PLATFORM);
        payload.put("divisionCode", "632801");
        payload.put("approvedAt", approvedAt.toString());
        payload.put("channel", "APPLICATION");
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId);
        envelope.put("type", "membership.approved");
        envelope.put("version", 1);
        envelope.put("occurredAt", approvedAt.toString());
        envelope.put("producer", "membership-service");
        envelope.put("payload", payload);

        CachingConnectionFactory connections = PlatformUnderTest.brokerConnections();
        try {
            MessageProperties properties = new MessageProperties();
            properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
            properties.setMessageId(eventId);
            properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
            new RabbitTemplate(connections).send(platform.busExchange(), "membership.approved",
                    new Message(JSON.writeValueAsBytes(envelope), properties));
        } finally {
            connections.destroy();
        }
    }

    /** One file of a ZIP archive (an XLSX is one) as text, or fails if the archive does not hold it. */
    private static String zipEntry(byte[] archive, String name) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no " + name + " in the workbook");
    }

    // ---- GB 32100 credit codes, computed here so the test does not trust the service's own check ----

    private static final String CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final long SERIAL_SPACE = (long) Math.pow(31, 9);
    private static final AtomicLong SERIAL = new AtomicLong(new SecureRandom().nextLong(SERIAL_SPACE - 1_000_000));

    /** A fresh valid code: 91 (an enterprise), the division, a nine-character serial and the check character. */
    static String creditCode(String division) {
        StringBuilder serial = new StringBuilder();
        long value = SERIAL.incrementAndGet();
        for (int i = 0; i < 9; i++) {
            serial.insert(0, CREDIT_CODE_ALPHABET.charAt((int) (value % 31)));
            value /= 31;
        }
        String first17 = "91" + division + serial;
        return first17 + checkCharacter(first17);
    }

    /** The 18th character: weights 3^i mod 31 over the first 17, check = (31 - sum mod 31) mod 31. */
    static char checkCharacter(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return CREDIT_CODE_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    // ---- HTTP and problem assertions ----

    private static HttpAnswer post(String path, String token, Object body) {
        return gateway.post(path, token, body);
    }

    private static HttpAnswer put(String path, String token, Object body) {
        return gateway.put(path, token, body);
    }

    /** An RFC 9457 problem with this status, naming the field (top level or among the errors) and the rule. */
    private static JsonNode expectProblem(HttpAnswer answer, int status, String field, String rule) {
        JsonNode problem = expect(answer, status);
        assertThat(answer.isProblem()).as("problem+json: " + answer.contentType()).isTrue();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (rule != null) {
            assertThat(problem.path("rule").asString()).as(problem.toString()).isEqualTo(rule);
        }
        if (field != null) {
            List<String> named = new ArrayList<>();
            named.add(problem.path("field").asString());
            problem.path("errors").forEach(error -> named.add(error.path("field").asString()));
            assertThat(named).as("fields named by " + problem).contains(field);
        }
        assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
