package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final String WORKER_TYPE = "DELIVERY_RIDER";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String platformName = "e2e-platform-" + run;
    final String password = "journey-password-" + run;
    final PlatformUnderTest platform;
    final Client gateway;
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
        gateway = new Client(platform.gateway());
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
    Client.Answer apply(Map<String, Object> form) {
        return fromOwnAddress("POST", "/api/members/applications", null, "application/json",
                HttpRequest.BodyPublishers.ofString(json(form)));
    }

    /**
     * Awaits the application in the organizer's queue as dispatched to the union, and answers it. Until it is
     * dispatched it belongs to no union, so the organizer is answered 404, as for anything outside their scope.
     */
    JsonNode awaitDispatched(String applicationId, Duration atMost) {
        Client.Answer dispatched = await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(
                () -> gateway.get("/api/members/applications/" + applicationId, organizer),
                answer -> answer.status() == 200 && answer.json().get("status").asString().equals("PENDING_APPROVAL"));
        return dispatched.json();
    }

    /** Applies, waits for dispatch if it had to wait, approves; answers the approval (member id, card number). */
    JsonNode enrol(Worker worker) {
        Client.Answer submitted = apply(form(worker));
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
        Client.Answer answer = fromOwnAddress("POST", "/api/auth/token", null, "application/json",
                HttpRequest.BodyPublishers.ofString(json(Map.of("username", username, "password", secret))));
        assertThat(answer.status()).as("sign-in of " + username + ": " + answer.body()).isEqualTo(200);
        return answer.json().get("accessToken").asString();
    }

    private String staff(String role, Org scope) {
        String username = "e2e-membership-" + role.toLowerCase().replace('_', '-') + "-" + run;
        expect(post("/api/auth/accounts", admin, Map.of("username", username, "password", password, "roles",
                List.of(role), "orgId", scope.id(), "orgPath", scope.path())), 201);
        return signIn(username, password);
    }

    private Org create(String token, String name, String kind, String division, String parentId) {
        return org(expect(post("/api/organizations", token, organisation(name, kind, division, parentId)), 201),
                division);
    }

    private static Org org(JsonNode json, String division) {
        return new Org(json.get("id").asString(), json.get("orgPath").asString(), json.get("name").asString(),
                division);
    }

    private static Map<String, Object> organisation(String name, String kind, String division, String parentId,
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

    // ---- HTTP ----

    Client.Answer post(String path, String token, Object body) {
        return gateway.post(path, token, json(body));
    }

    /** A multipart upload of one file as the form field {@code file}, as a browser sends it. */
    Client.Answer upload(String path, String token, String fileName, byte[] content) {
        String boundary = "----e2e" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest request = HttpRequest.newBuilder(platform.gateway().resolve(path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Client.Answer fromOwnAddress(String method, String path, String token, String contentType,
            HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(platform.gateway().resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType).method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient http = HttpClient.newBuilder().localAddress(ownLoopbackAddress())
                .connectTimeout(Duration.ofSeconds(3)).build()) {
            return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    private static Client.Answer answer(HttpResponse<String> response) {
        return new Client.Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), Duration.ZERO);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static JsonNode expect(Client.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return answer.body().isEmpty() ? JSON.nullNode() : answer.json();
    }

    /** A 400 problem naming these fields among its errors, never echoing what was sent. */
    static JsonNode expectFieldErrors(Client.Answer answer, String... fields) {
        JsonNode problem = expect(answer, 400);
        assertThat(answer.isProblem()).as("problem+json: " + answer.contentType()).isTrue();
        List<String> named = new ArrayList<>();
        problem.path("errors").forEach(error -> named.add(error.path("field").asString()));
        assertThat(named).as("fields named by " + problem).contains(fields);
        assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }
}
