package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A province -> city -> district federation tree with one platform-based union, built through the gateway by the
 * administrator, its staff accounts, and real members: an organizer files each worker's application, dispatch
 * picks the union (rule PLATFORM_UNION: the union names this run's own platform, so nothing another journey
 * creates can win the dispatch), and the organizer approves it. Names carry a run id so reruns never collide.
 */
public final class UnionTree {

    static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String PASSWORD = "journey-password-" + UUID.randomUUID().toString().substring(0, 8);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> RESIDENT_IDS = ConcurrentHashMap.newKeySet();

    /** An organisation as journeys need it. */
    public record Org(String id, String path, String name) {

        static Org of(JsonNode json) {
            return new Org(json.get("id").asString(), json.get("orgPath").asString(), json.get("name").asString());
        }
    }

    /** An approved member: what the approval answered (the QR token is shown only there). */
    public record Member(String id, String cardNumber, String qrToken, String workerType) {
    }

    /** Province, city and district (county) division codes with their names; the district lies in the city. */
    public record Divisions(String province, String provinceName, String city, String cityName, String district,
            String districtName) {
    }

    public final String run = UUID.randomUUID().toString().substring(0, 8);
    final String platformName = "e2e-platform-" + run;
    public final PlatformUnderTest platform;
    public final HttpTestClient gateway;
    final String admin;
    final Divisions divisions;
    final Org province;
    public final Org city;
    public final Org district;
    /** The platform-based union of riders and couriers of {@link #platformName}, in the district. */
    public final Org union;

    private UnionTree(Divisions divisions) {
        this.platform = PlatformUnderTest.get();
        this.gateway = HttpTestClient.at(platform.gateway());
        this.divisions = divisions;
        this.admin = signIn("admin", platform.adminPassword());
        this.province = create(admin, divisions.provinceName() + "总工会（" + run + "）", "PROVINCE_FEDERATION",
                divisions.province(), null);
        this.city = create(admin, divisions.cityName() + "总工会（" + run + "）", "CITY_FEDERATION", divisions.city(),
                province.id());
        this.district = create(admin, divisions.districtName() + "总工会（" + run + "）", "DISTRICT_FEDERATION",
                divisions.district(), city.id());
        Map<String, Object> body = organisation(divisions.districtName() + "新就业形态劳动者工会（" + run + "）",
                "PLATFORM_UNION", divisions.district(), district.id(), "DELIVERY_RIDER", "COURIER");
        body.put("platforms", List.of(platformName));
        this.union = Org.of(expect(post("/api/organizations", admin, body), 201));
    }

    public static UnionTree build(Divisions divisions) {
        return new UnionTree(divisions);
    }

    Org create(String token, String name, String kind, String division, String parentId, String... workerTypes) {
        return Org.of(expect(post("/api/organizations", token, organisation(name, kind, division, parentId,
                workerTypes)), 201));
    }

    /** An ORGANIZER or BENEFIT_OFFICER account scoped to one organisation's subtree; answers its token. */
    public String staff(String role, Org scope) {
        String username = "e2e-" + role.toLowerCase().replace('_', '-') + "-" + scope.id();
        expect(post("/api/auth/accounts", admin, Map.of("username", username, "password", PASSWORD, "roles",
                List.of(role), "orgId", scope.id(), "orgPath", scope.path())), 201);
        return signIn(username, PASSWORD);
    }

    /** A STATION_ATTENDANT account for these stations (its token carries them); answers its token. */
    public String attendant(String username, List<String> stationIds) {
        expect(post("/api/auth/accounts", admin, Map.of("username", username, "password", PASSWORD, "roles",
                List.of("STATION_ATTENDANT"), "stations", stationIds)), 201);
        return signIn(username, PASSWORD);
    }

    /**
     * Signs in once per account. Journeys share one client address, and the gateway's strict per-address limit on
     * sign-ins answers 429 when the journeys of one JVM have used it up: a client waits and tries again.
     */
    public String signIn(String username, String password) {
        Map<String, String> body = Map.of("username", username, "password", password);
        HttpAnswer[] answer = new HttpAnswer[1];
        await("sign-in of " + username).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> (answer[0] = gateway.post("/api/auth/token", null, body)).status() != 429);
        return expect(answer[0], 200).get("accessToken").asString();
    }

    /** A new worker of this run's platform in the district joins: filed by the organizer, dispatched, approved. */
    public Member enrol(String organizer, String workerType) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", "测试" + workerType.charAt(0) + RANDOM.nextInt(10_000));
        details.put("residentId", residentId(divisions.district()));
        details.put("phone", "13" + String.format("%09d", RANDOM.nextInt(1_000_000_000)));
        details.put("workerType", workerType);
        details.put("platform", platformName);
        details.put("divisionCode", divisions.district());
        HttpAnswer filed = post("/api/members/applications/by-organizer", organizer, details);
        assertThat(filed.status()).as(filed.body()).isIn(201, 202);
        String applicationId = filed.json().get("applicationId").asString();
        if (filed.status() == 202) {
            // organization-service could not answer at once: the background round dispatches it later.
            await("dispatch of " + applicationId).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> "PENDING_APPROVAL".equals(expect(gateway.get("/api/members/applications/"
                            + applicationId, organizer), 200).get("status").asString()));
        }
        JsonNode application = expect(gateway.get("/api/members/applications/" + applicationId, organizer), 200);
        assertThat(application.get("organizationId").asString()).as("dispatched to this run's union")
                .isEqualTo(union.id());
        JsonNode approval = expect(post("/api/members/applications/" + applicationId + "/approval", organizer, null),
                200);
        return new Member(approval.get("memberId").asString(), approval.get("cardNumber").asString(),
                approval.get("qrToken").asString(), workerType);
    }

    // ---- HTTP and problem assertions ----

    public HttpAnswer post(String path, String token, Object body) {
        return gateway.post(path, token, body);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** The answer has this status (its body shows when not); its body as JSON. */
    public static JsonNode expect(HttpAnswer answer, int status) {
        return answer.expect(status);
    }

    /** An RFC 9457 problem with this status and, when given, this rule (422) or reason (409); no internals. */
    static JsonNode expectProblem(HttpAnswer answer, int status, String rule) {
        JsonNode problem = expect(answer, status);
        assertThat(answer.isProblem()).as("problem+json: " + answer.contentType()).isTrue();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (rule != null) {
            List<String> named = new ArrayList<>(List.of(problem.path("rule").asString(),
                    problem.path("reason").asString()));
            assertThat(named).as(problem.toString()).contains(rule);
        }
        assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

    /** The body that creates an organisation. */
    static Map<String, Object> organisation(String name, String kind, String division, String parentId,
            String... workerTypes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("divisionCode", division);
        body.put("workerTypes", List.of(workerTypes));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return body;
    }

    // ---- GB 11643 resident IDs, computed here so the test does not trust the service's own check ----

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /** A fresh valid number of someone born 1970-2000 in this region: one person per number in this JVM. */
    static String residentId(String region) {
        while (true) {
            LocalDate born = LocalDate.of(1970, 1, 1).plusDays(RANDOM.nextInt(11_000));
            String first17 = region + born.format(DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", RANDOM.nextInt(1000));
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (first17.charAt(i) - '0') * WEIGHTS[i];
            }
            String id = first17 + CHECK.charAt(sum % 11);
            if (RESIDENT_IDS.add(id)) {
                return id;
            }
        }
    }
}
