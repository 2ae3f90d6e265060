package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class DemoDataIT extends ServiceIT {

    @Autowired
    DemoMembersOnTheBus announcements;

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
            "shaanxi, /shaanxi/, PROVINCE_FEDERATION, 610000",
            "xian, /shaanxi/xian/, CITY_FEDERATION, 610100",
            "xian-beilin, /shaanxi/xian/xian-beilin/, DISTRICT_FEDERATION, 610103",
            "beilin-delivery-joint, /shaanxi/xian/xian-beilin/beilin-delivery-joint/, PLATFORM_UNION, 610103",
            "xian-ride-hailing-federation, /shaanxi/xian/xian-ride-hailing-federation/, INDUSTRY_FEDERATION, 610100",
            "shouqi-union, /shaanxi/xian/xian-ride-hailing-federation/shouqi-union/, ENTERPRISE_UNION, 610100",
            "rongcheng-union, /shaanxi/xian/xian-ride-hailing-federation/rongcheng-union/, ENTERPRISE_UNION, 610100",
            "xianyang, /shaanxi/xianyang/, CITY_FEDERATION, 610400",
            "xianyang-courier-federation, /shaanxi/xianyang/xianyang-courier-federation/, INDUSTRY_FEDERATION, 610400",
            "yulin, /shaanxi/yulin/, CITY_FEDERATION, 610800",
            "yulin-truck-federation, /shaanxi/yulin/yulin-truck-federation/, INDUSTRY_FEDERATION, 610800"})
    void theContractsAnchorsExist(String id, String path, String kind, String division) {
        JsonNode organization = get("/api/organizations/" + id, ADMIN).expect(200);
        assertThat(organization.get("orgPath").asString()).isEqualTo(path);
        assertThat(organization.get("kind").asString()).isEqualTo(kind);
        assertThat(organization.get("divisionCode").asString()).isEqualTo(division);
    }

    @Test
    void yulinHasItsCountiesAndTwentyOneIndustryFederationsCoveringThreeHundredEightyOneCompanies() {
        assertThat(get("/api/organizations/yulin/descendants?kind=INDUSTRY_FEDERATION", ADMIN).expect(200)
                .get("totalItems").asLong()).isEqualTo(21);
        assertThat(get("/api/organizations/yulin/descendants?kind=DISTRICT_FEDERATION", ADMIN).expect(200)
                .get("totalItems").asLong()).isEqualTo(12);
        JsonNode summary = get("/api/organizations/yulin/summary", ADMIN).expect(200);
        assertThat(summary.get("companiesByStatus").get("ESTABLISHED").asLong()).isEqualTo(381);
    }

    @Test
    void memberFiguresAreDerivedFromMembershipEventsOnlyNeverSeeded() {
        // The demo seeds no member figure: each union counts exactly the demo members announced to it.
        assertThat(get("/api/organizations/yulin/summary", ADMIN).expect(200).get("members").asLong())
                .isEqualTo(DemoMembersOnTheBus.YULIN_TRUCK_DRIVERS);
        assertThat(get("/api/organizations/xianyang/summary", ADMIN).expect(200).get("members").asLong())
                .isEqualTo(DemoMembersOnTheBus.XIANYANG_COURIERS);
        assertThat(get("/api/organizations/rongcheng-union/summary", ADMIN).expect(200).get("members").asLong())
                .as("no member announced there").isZero();
    }

    @Test
    void everyDemoOrganisationIsAnnouncedSoMembershipServiceKnowsIt() {
        List<String> demo = new ArrayList<>();
        get("/api/organizations/shaanxi/descendants?size=200", ADMIN).expect(200).get("items")
                .forEach(o -> demo.add(o.get("id").asString()));
        demo.add("shaanxi");
        assertThat(demo).contains("xian-beilin", "beilin-delivery-joint", "yulin-truck-federation").hasSizeGreaterThan(50);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(announcements.established)
                .containsAll(demo));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"demo-admin, ADMIN, ''", "beilin-organizer, ORGANIZER, /shaanxi/xian/xian-beilin/",
            "xianyang-officer, BENEFIT_OFFICER, /shaanxi/xianyang/", "xy-attendant, STATION_ATTENDANT, ''"})
    void eachDemoStaffAccountSignsInWithTheConfiguredPassword(String username, String role, String orgPath) {
        JsonNode tokens = post("/api/auth/token", null, Map.of("username", username, "password", DEMO_PASSWORD))
                .expect(200);
        String payload = tokens.get("accessToken").asString().split("\\.")[1];
        JsonNode claims = json.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        assertThat(claims.get("roles")).extracting(JsonNode::asString).containsExactly(role);
        if (!orgPath.isEmpty()) {
            assertThat(claims.get("org_path").asString()).isEqualTo(orgPath);
        }
        if (role.equals("STATION_ATTENDANT")) {
            assertThat(claims.get("stations")).extracting(JsonNode::asString)
                    .containsExactlyInAnyOrder("xy-love-01", "xy-love-02", "xy-love-03");
        }
        post("/api/auth/token", null, Map.of("username", username, "password", "wrong-password-123")).expect(401);
    }
}
