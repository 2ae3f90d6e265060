package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.testsupport.security.AuthorizationMatrix;
import org.unionplatform.testsupport.security.AuthorizationMatrix.Case;
import org.unionplatform.testsupport.security.TestTokens;

/**
 * The authorization matrix of this service (src/test/resources/authorization-matrix.csv): every endpoint x
 * role x scope (in = an object in the caller's subtree, out = one outside it, none = no object) -> status.
 * Organizers and officers are scoped to Xi'an (/shaanxi/xian/); "out" objects are in Xianyang. Placeholders
 * starting with "fresh" or naming a leaf are created anew for each case, so destructive cases do not interfere.
 * Run by test-support's {@link AuthorizationMatrix}; this class supplies tokens, objects and bodies.
 */
class AuthorizationMatrixIT extends ServiceIT {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final String YEAR = String.valueOf(LocalDate.now(ChinaTime.ZONE).getYear());

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryRoleAndScopeAsTheMatrixSays() {
        Map<Case, Map<String, String>> filled = new ConcurrentHashMap<>();
        AuthorizationMatrix.Fixture fixture = new AuthorizationMatrix.Fixture() {
            @Override
            public String token(Case c) {
                return AuthorizationMatrixIT.token(c.role());
            }

            @Override
            public String path(Case c) {
                return fill(c.path(), c.scope(), filled.computeIfAbsent(c, k -> new HashMap<>()));
            }

            @Override
            public String body(Case c) {
                String body = BODIES.get(c.method() + " " + c.path());
                return body == null ? null : fill(body, c.scope(), filled.computeIfAbsent(c, k -> new HashMap<>()));
            }
        };
        return AuthorizationMatrix.tests("organization-service", "authorization-matrix.csv", fixture,
                (method, path, token, body) -> send(method, path, token, body).status());
    }

    /** Request bodies by "METHOD path" (placeholders are filled like the path's). */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /api/organizations", """
                    {"name":"矩阵测试工会","kind":"ENTERPRISE_UNION","divisionCode":"{division}","parentId":"{org}"}"""),
            Map.entry("PUT /api/organizations/{leaf}", """
                    {"name":"矩阵测试工会（改）","divisionCode":"{division}","workerTypes":["COURIER"]}"""),
            Map.entry("POST /api/organizations/{leaf}/move", """
                    {"newParentId":"{city}"}"""),
            Map.entry("PUT /api/organizations/{leaf}/targets/2031", """
                    {"newMembers":{},"unionsFounded":0}"""),
            Map.entry("POST /api/organizations/{splitParent}/targets/2031/split", """
                    {"allocations":[{"organizationId":"{splitChild}","newMembers":{},"unionsFounded":0}]}"""),
            Map.entry("POST /api/organizations/companies", """
                    {"creditCode":"{creditCode}","name":"矩阵测试公司","type":"PARTNER","divisionCode":"{division}",
                     "organizationId":"{org}"}"""),
            Map.entry("PUT /api/organizations/companies/{company}", """
                    {"name":"矩阵测试公司","headcount":{"COURIER":3},"keyPlatform":false}"""),
            Map.entry("POST /api/organizations/companies/{freshCompany}/status", """
                    {"status":"GUIDED","note":"矩阵"}"""),
            Map.entry("PUT /api/organizations/companies/{company}/liaison", """
                    {"name":"矩阵联络员"}"""),
            Map.entry("POST /api/organizations/companies/{company}/follow-ups", """
                    {"note":"矩阵测试跟进"}"""),
            Map.entry("POST /api/organizations/foundings", """
                    {"parentId":"{org}","name":"矩阵测试工会","kind":"ENTERPRISE_UNION","divisionCode":"{division}"}"""),
            // A fresh founding is not at its approval yet: whoever may approve gets 422, not 403 or 404.
            Map.entry("POST /api/organizations/foundings/{freshFounding}/approval", """
                    {"date":"2020-01-01"}"""),
            // A month no other test reports on (closing is platform-wide).
            Map.entry("POST /api/organizations/reports/closings", """
                    {"year":2020,"month":1}"""),
            Map.entry("POST /api/organizations/foundings/{freshFounding}/steps", """
                    {"step":"IMPLEMENTATION_PLAN","date":"{today}"}"""),
            Map.entry("POST /api/organizations/dispatch", """
                    {"divisionCode":"610402","workerType":"COURIER"}"""));

    private String fill(String template, String scope, Map<String, String> values) {
        boolean in = !scope.equals("out");
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.computeIfAbsent(name, n -> value(n, in).get());
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private Supplier<String> value(String name, boolean in) {
        String org = in ? "xian-ride-hailing-federation" : "xianyang-courier-federation";
        String division = in ? "610100" : "610400";
        return switch (name) {
            case "org", "splitParent" -> () -> {
                Fixture.targets(this);
                return org;
            };
            case "splitChild" -> () -> Fixture.splitChild(this, in);
            case "division" -> () -> division;
            case "city" -> () -> in ? "xian" : "xianyang";
            case "year" -> () -> YEAR;
            case "today" -> () -> LocalDate.now(ChinaTime.ZONE).toString();
            case "creditCode" -> () -> TestCreditCodes.code(division);
            case "leaf" -> () -> createOrganization("矩阵叶子工会", "ENTERPRISE_UNION", division, org)
                    .get("id").asString();
            case "company", "freshCompany" -> () -> post("/api/organizations/companies", ADMIN, Map.of(
                    "creditCode", TestCreditCodes.code(division), "name", "矩阵公司", "type", "PARTNER",
                    "divisionCode", division, "organizationId", org)).expect(201).get("id").asString();
            case "founding", "freshFounding" -> () -> post("/api/organizations/foundings", ADMIN, Map.of(
                    "parentId", org, "name", "矩阵筹建工会", "kind", "ENTERPRISE_UNION", "divisionCode", division))
                    .expect(201).get("id").asString();
            default -> throw new IllegalArgumentException("unknown placeholder " + name);
        };
    }

    private static String token(String role) {
        return switch (role) {
            case "ADMIN" -> ADMIN;
            case "ORGANIZER" -> XIAN_ORGANIZER;
            case "BENEFIT_OFFICER" -> TestTokens.benefitOfficer("/shaanxi/xian/");
            case "STATION_ATTENDANT" -> TestTokens.attendant("xy-love-01");
            case "MEMBER" -> TestTokens.member("member-1");
            case "SERVICE" -> TestTokens.service("membership-service");
            case "ANONYMOUS" -> null;
            default -> throw new IllegalArgumentException(role);
        };
    }

    /** Objects the matrix needs once: targets to split, and a child to split them to. */
    private static final class Fixture {
        private static boolean targets;
        private static final Map<Boolean, String> CHILDREN = new HashMap<>();

        static synchronized void targets(ServiceIT test) {
            if (!targets) {
                test.put("/api/organizations/xian-ride-hailing-federation/targets/2031", ADMIN,
                        Map.of("newMembers", Map.of("RIDE_HAILING_DRIVER", 100), "unionsFounded", 2)).expect(200);
                test.put("/api/organizations/xianyang-courier-federation/targets/2031", ADMIN,
                        Map.of("newMembers", Map.of("COURIER", 100), "unionsFounded", 2)).expect(200);
                targets = true;
            }
        }

        static synchronized String splitChild(ServiceIT test, boolean in) {
            return CHILDREN.computeIfAbsent(in, i -> i ? "shouqi-union"
                    : test.createOrganization("矩阵快递企业工会", "ENTERPRISE_UNION", "610400",
                            "xianyang-courier-federation").get("id").asString());
        }
    }
}
