package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;
import static org.unionplatform.e2e.UnionTree.organisation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;
import tools.jackson.databind.JsonNode;

/**
 * What the membership journeys share: a small organisation tree with a platform union that dispatch picks for
 * this fixture's own platform, staff signed in through the gateway, valid resident ID numbers and phones made up
 * here (so the test does not trust the platform's own check), and applicants who apply without a token.
 *
 * <p>Every applicant and every sign-in comes from its own loopback address (127.x.y.z): the gateway's strict
 * per-IP limit on anonymous endpoints (sign-in, applications) is meant for one phone, and a journey plays many
 * phones. The limit itself is another journey's subject.
 */
final class MembershipFixture {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final String WORKER_TYPE = "DELIVERY_RIDER";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String platformName = "e2e-platform-" + run;
    final String password = "journey-password-" + run;
    final PlatformUnderTest platform;
    final HttpTestClient gateway;
    final String admin;
    final String organizer;
    final String officer;
    final Org province;
    final Org city;
    final Org district;
    final Org union;
    final int year = LocalDate.now(BEIJING).getYear();

    /** An organisation as the journeys need it. */
    record Org(String id, String path, String name, String division) {
    }

    /** A worker as they fill in the form, with the values a scan must never find in clear. */
    record Worker(String name, String residentId, String phone, String divisionCode) {
    }

    /**
     * Builds province, city, district and a platform union in the district for this fixture's platform, and
     * signs in an organizer and a benefit officer scoped to the city.
     *
     * @param divisions province, city and county codes (GB/T 2260), distinct per journey class
     */
    MembershipFixture(String label, String provinceCode, String cityCode, String countyCode) {
        platform = PlatformUnderTest.get();
        gateway = HttpTestClient.at(platform.gateway());
        admin = signIn("admin", platform.adminPassword());
        province = create(admin, label + "省总工会（" + run + "）", "PROVINCE_FEDERATION", provinceCode, null);
        city = create(admin, label + "市总工会（" + run + "）", "CITY_FEDERATION", cityCode, province.id());
        organizer = staff("ORGANIZER", city);
        officer = staff("BENEFIT_OFFICER", city);
        district = create(organizer, label + "区总工会（" + run + "）", "DISTRICT_FEDERATION", countyCode, city.id());
        Map<String, Object> body = organisation(label + "外卖骑手工会（" + run + "）", "PLATFORM_UNION", countyCode,
                district.id(), WORKER_TYPE);
        body.put("platforms", List.of(platformName));
        union = org(expect(post("/api/organizations", organizer, body), 201), countyCode);
    }

    // ---- people ----

    /** A new worker of the union's county with a valid, random resident ID and a random mobile number. */
    Worker newWorker() {
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(RANDOM.nextInt(365 * 30));
        return new Worker("骑手" + RANDOM.nextInt(100_000), residentId(union.division(), birth,
                RANDOM.nextInt(1000)), "139" + String.format("%08d", RANDOM.nextInt(100_000_000)), union.division());
    }

    /** GB 11643: region, birth date, sequence, and the check character computed here. */
    static String residentId(String region, LocalDate birth, int sequence) {
        String first17 = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        return first17 + checkCharacter(first17);
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    Map<String, Object> form(Worker worker) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", worker.name());
        form.put("residentId", worker.residentId());
        form.put("phone", worker.phone());
        form.put("workerType", WORKER_TYPE);
        form.put("platform", platformName);
        form.put("divisionCode", worker.divisionCode());
        return form;
    }

    /** The public self-service form, sent without a token from the applicant's own address. */
    HttpAnswer apply(Map<String, Object> form) {
        return fromOwnAddress().post("/api/members/applications", null, form);
    }

    /**
     * Awaits the application in the organizer's queue as dispatched to the union, and answers it. Until it is
     * dispatched it belongs to no union, so the organizer is answered 404, as for anything outside their scope.
     */
    JsonNode awaitDispatched(String applicationId, Duration atMost) {
        HttpAnswer dispatched = await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(
                () -> gateway.get("/api/members/applications/" + applicationId, organizer),
                answer -> answer.status() == 200 && answer.json().get("status").asString().equals("PENDING_APPROVAL"));
        return dispatched.json();
    }

    /** Applies, waits for dispatch if it had to wait, approves; answers the approval (member id, card number). */
    JsonNode enrol(Worker worker) {
        HttpAnswer submitted = apply(form(worker));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        // A new application's id is the receipt code the applicant is shown.
        String applicationId = submitted.json().get("receiptCode").asString();
        awaitDispatched(applicationId, Duration.ofSeconds(90));
        return expect(gateway.post("/api/members/applications/" + applicationId + "/approval", organizer, null),
                200);
    }

    // ---- staff and organisations ----

    /** Signs in through the gateway from an address of its own (see the class comment). */
    String signIn(String username, String secret) {
        HttpAnswer answer = fromOwnAddress().post("/api/auth/token", null,
                Map.of("username", username, "password", secret));
        assertThat(answer.status()).as("sign-in of " + username + ": " + answer.body()).isEqualTo(200);
        return answer.json().get("accessToken").asString();
    }

    /** A staff account of {@code role} scoped to {@code scope}, signed in. */
    String staff(String role, Org scope) {
        // The scope's id in the name: a journey may need organizers of several unions.
        String username = "e2e-membership-" + role.toLowerCase().replace('_', '-') + "-" + run + "-"
                + scope.id().substring(0, Math.min(8, scope.id().length()));
        expect(post("/api/auth/accounts", admin, Map.of("username", username, "password", password, "roles",
                List.of(role), "orgId", scope.id(), "orgPath", scope.path())), 201);
        return signIn(username, password);
    }

    Org create(String token, String name, String kind, String division, String parentId) {
        return org(expect(post("/api/organizations", token, organisation(name, kind, division, parentId)), 201),
                division);
    }

    private static Org org(JsonNode json, String division) {
        return new Org(json.get("id").asString(), json.get("orgPath").asString(), json.get("name").asString(),
                division);
    }

    // ---- HTTP ----

    HttpAnswer post(String path, String token, Object body) {
        return gateway.post(path, token, body);
    }

    /** A multipart upload of one file as the form field {@code file}, as a browser sends it. */
    HttpAnswer upload(String path, String token, String fileName, byte[] content) {
        return gateway.request("POST", path).token(token).multipart("file", fileName, "text/csv", content).send();
    }

    private HttpTestClient fromOwnAddress() {
        return gateway.from(ownLoopbackAddress());
    }

    /** A random loopback address other than 127.0.0.1: every one of 127.0.0.0/8 reaches this machine. */
    private static InetAddress ownLoopbackAddress() {
        byte[] address = {127, (byte) (1 + RANDOM.nextInt(254)), (byte) (1 + RANDOM.nextInt(254)),
                (byte) (1 + RANDOM.nextInt(254))};
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 400 problem naming these fields among its errors, never echoing what was sent. */
    static JsonNode expectFieldErrors(HttpAnswer answer, String... fields) {
        JsonNode problem = expect(answer, 400);
        assertThat(answer.isProblem()).as("problem+json: " + answer.contentType()).isTrue();
        List<String> named = new ArrayList<>();
        problem.path("errors").forEach(error -> named.add(error.path("field").asString()));
        assertThat(named).as("fields named by " + problem).contains(fields);
        assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }
}
