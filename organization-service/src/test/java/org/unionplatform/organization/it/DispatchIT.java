package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unionplatform.common.reference.CreditCodes;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;
import tools.jackson.databind.JsonNode;

/** The dispatch rules, table-driven over the demo tree (docs/organizations.md). */
class DispatchIT extends ServiceIT {

    @ParameterizedTest(name = "{0} / {1} / {2} / {3} -> {4} by {5}")
    @CsvSource(nullValues = "-", textBlock = """
            # platform, company (demo name),    place,     worker type,         organisation,                  rule
            饿了么,     -,                      610103,    DELIVERY_RIDER,      beilin-delivery-joint,         PLATFORM_UNION
            蓝骑士,     -,                      610103,    DELIVERY_RIDER,      beilin-delivery-joint,         PLATFORM_UNION
            Ele.me,     -,                      610103,    DELIVERY_RIDER,      beilin-delivery-joint,         PLATFORM_UNION
            ELEME,      -,                      610103005, DELIVERY_RIDER,      beilin-delivery-joint,         PLATFORM_UNION
            饿了么,     -,                      610113,    DELIVERY_RIDER,      xian,                          REASSIGNMENT
            美团,       -,                      610103,    DELIVERY_RIDER,      xian-beilin,                   REASSIGNMENT
            美团外卖,   -,                      610103001, DELIVERY_RIDER,      beilin-nanyuanmen,             STREET_UNION
            -,          -,                      610103008, DOMESTIC_WORKER,     beilin-zhangjiacun,            STREET_UNION
            -,          首汽约车西安分公司,       610113,    RIDE_HAILING_DRIVER, shouqi-union,                  COMPANY_UNION
            -,          西安速达佳配送服务有限公司, 610103,    DELIVERY_RIDER,      beilin-delivery-sudajia,       COMPANY_UNION
            -,          迪普斯（重庆）物流有限公司, 610103,    DELIVERY_RIDER,      beilin-delivery-joint,         COMPANY_UNION
            -,          美团外卖陕西分公司,       610103,    DELIVERY_RIDER,      xian-beilin,                   REASSIGNMENT
            -,          -,                      610113,    RIDE_HAILING_DRIVER, xian-ride-hailing-federation,  INDUSTRY_FEDERATION
            滴滴出行,   -,                      610100,    RIDE_HAILING_DRIVER, xian-ride-hailing-federation,  INDUSTRY_FEDERATION
            -,          -,                      610402,    COURIER,             xianyang-courier-federation,   INDUSTRY_FEDERATION
            -,          -,                      610402001, COURIER,             xianyang-courier-federation,   INDUSTRY_FEDERATION
            -,          -,                      610402,    DELIVERY_RIDER,      xianyang,                      REASSIGNMENT
            -,          -,                      610824,    TRUCK_DRIVER,        yulin-jingbian-new-form-federation, INDUSTRY_FEDERATION
            -,          -,                      610825,    TRUCK_DRIVER,        yulin-hazardous-transport-federation, INDUSTRY_FEDERATION
            -,          -,                      610824,    DOMESTIC_WORKER,     yulin-domestic-service-federation, INDUSTRY_FEDERATION
            -,          -,                      610825,    DESIGNATED_DRIVER,   yulin-designated-driving-federation, INDUSTRY_FEDERATION
            -,          -,                      610103,    DOMESTIC_WORKER,     xian-beilin,                   REASSIGNMENT
            -,          -,                      610113,    DOMESTIC_WORKER,     xian,                          REASSIGNMENT
            -,          -,                      620102,    DOMESTIC_WORKER,     -,                             -
            """)
    void theMostSpecificRuleDecides(String platform, String companyName, String division, String workerType,
            String expectedUnion, String expectedRule) {
        Map<String, Object> request = new HashMap<>();
        request.put("platform", platform);
        request.put("companyCreditCode", companyName == null ? null : demoCreditCode(companyName));
        request.put("divisionCode", division);
        request.put("workerType", workerType);
        HttpAnswer response = post("/api/organizations/dispatch", TestTokens.service("membership-service"), request);
        if (expectedUnion == null) {
            response.expectProblem(404, null, "no-matching-union");
            return;
        }
        JsonNode decision = response.expect(200);
        assertThat(decision.get("organizationId").asString()).isEqualTo(expectedUnion);
        assertThat(decision.get("rule").asString()).isEqualTo(expectedRule);
        assertThat(decision.get("orgPath").asString()).startsWith("/shaanxi/").endsWith("/" + expectedUnion + "/");
        assertThat(decision.get("organizationName").asString()).isNotBlank();
        assertThat(decision.get("reason").asString()).as("the reason recorded on the application").isNotBlank();
    }

    @Test
    void theReasonNamesTheStreetAndTheFederationThatReassigns() {
        String token = TestTokens.service("membership-service");
        JsonNode street = post("/api/organizations/dispatch", token, Map.of("platform", "美团", "divisionCode",
                "610103001", "workerType", "DELIVERY_RIDER")).expect(200);
        assertThat(street.get("reason").asString()).contains("南院门街道").contains("工会");
        JsonNode queue = post("/api/organizations/dispatch", token, Map.of("divisionCode", "610113002",
                "workerType", "DELIVERY_RIDER")).expect(200);
        assertThat(queue.get("rule").asString()).isEqualTo("REASSIGNMENT");
        assertThat(queue.get("reason").asString()).contains("大雁塔街道").contains("西安市总工会").contains("重新分派");
    }

    @Test
    void badInputNamesTheField() {
        String token = TestTokens.service("membership-service");
        post("/api/organizations/dispatch", token, Map.of("divisionCode", "610199", "workerType", "COURIER"))
                .expectProblem(400, "divisionCode", null);
        post("/api/organizations/dispatch", token, Map.of("divisionCode", "610103099", "workerType", "COURIER"))
                .expectProblem(400, "divisionCode", null);
        post("/api/organizations/dispatch", token, Map.of("divisionCode", "999999", "workerType", "COURIER"))
                .expectProblem(400, "divisionCode", null);
        post("/api/organizations/dispatch", token, Map.of("divisionCode", "610103", "workerType", "PILOT"))
                .expectProblem(400, "workerType", null);
        post("/api/organizations/dispatch", token, Map.of("divisionCode", "610103", "workerType", "COURIER",
                "companyCreditCode", "123")).expectProblem(400, "companyCreditCode", null);
        String wrongCheck = TestCreditCodes.code("610103").substring(0, 17) + "0";
        post("/api/organizations/dispatch", token, Map.of("divisionCode", "610103", "workerType", "COURIER",
                "companyCreditCode", CreditCodes.isValid(wrongCheck) ? wrongCheck.substring(0, 17) + "1" : wrongCheck))
                .expectProblem(400, "companyCreditCode", null);
        post("/api/organizations/dispatch", token, Map.of("workerType", "COURIER"))
                .expectProblem(400, "divisionCode", null);
    }

    @Test
    void anyOrganizerMayAskButNotAnAttendant() {
        Map<String, Object> request = Map.of("divisionCode", "610402", "workerType", "COURIER");
        post("/api/organizations/dispatch", TestTokens.organizer("/shaanxi/yulin/"), request).expect(200);
        post("/api/organizations/dispatch", TestTokens.attendant("xy-love-01"), request).expect(403);
        post("/api/organizations/dispatch", null, request).expect(401);
    }

    private String demoCreditCode(String companyName) {
        JsonNode page = get("/api/organizations/companies?size=200", ADMIN).expect(200);
        for (int p = 0; p < page.get("totalPages").asInt(); p++) {
            for (JsonNode company : get("/api/organizations/companies?size=200&page=" + p, ADMIN).expect(200)
                    .get("items")) {
                if (company.get("name").asString().equals(companyName)) {
                    String code = company.get("creditCode").asString();
                    assertThat(CreditCodes.isValid(code)).isTrue();
                    return code;
                }
            }
        }
        throw new AssertionError("no demo company " + companyName);
    }
}
