import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client half of bench/power-cut.sh, a single-file program (JDK only) against ./run.sh on 127.0.0.1:
 * <ul>
 * <li>{@code grants-setup <admin password> <out>}: a money program with a large budget, opened, and up to 100 active
 *     members to grant to (straight to the services);</li>
 * <li>{@code load <clients file> <grants file> <admin password> <kill after> <pids> <round> <out dir>}: check-ins
 *     from every attendant of the clients file and grants from four officers' sessions, all through the gateway;
 *     once {@code kill after} writes were acknowledged it sends SIGKILL to every pid at once (one kill command),
 *     lets the requests in flight fail, and writes what was acknowledged;</li>
 * <li>{@code verify <admin password> <round> <out dir>}: after the restart, asks for each acknowledged write: a
 *     check-in is sent again by the administrator (a duplicate answer 200, or 409 for a visit id already recorded for
 *     its attendant, means it was kept; 201/202 means it had been lost and is
 *     recorded now), a grant is read by id (404 = lost). Prints one line of figures.</li>
 * </ul>
 */
public class PowerCut {

    private static final String GATEWAY = "http://127.0.0.1:8080";
    private static final String ORGANIZATIONS = "http://127.0.0.1:8081";
    private static final String MEMBERSHIP = "http://127.0.0.1:8082";
    private static final String STATIONS = "http://127.0.0.1:8083";
    private static final String BENEFITS = "http://127.0.0.1:8084";
    private static final int GRANT_CLIENTS = 4;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "grants-setup" -> grantsSetup(args[1], Path.of(args[2]));
            case "load" -> load(Path.of(args[1]), Path.of(args[2]), args[3], Integer.parseInt(args[4]), args[5],
                    args[6], Path.of(args[7]));
            case "verify" -> verify(args[1], args[2], Path.of(args[3]));
            default -> throw new IllegalArgumentException("mode is grants-setup, load or verify");
        }
    }

    private static void grantsSetup(String adminPassword, Path out) throws Exception {
        String admin = signIn(adminPassword);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String body = """
                {"name":"断电测试困难补助","kind":"HARDSHIP_GRANT","organizationId":"shaanxi","orgPath":"/shaanxi/",
                 "startsOn":"%s","endsOn":"2099-12-31","budgetFen":10000000000,"amountPerGrantFen":100,
                 "memberLimit":{"count":100,"per":"WHOLE"},"revokeWindowDays":30}""".formatted(today);
        HttpResponse<String> created = send("POST", BENEFITS + "/api/benefits/programs", body, admin, null);
        String program = field(created.body(), "id");
        if (created.statusCode() != 201 || program == null) {
            throw new IllegalStateException("creating the program failed: " + created.statusCode() + " " + created.body());
        }
        HttpResponse<String> opened = send("POST", BENEFITS + "/api/benefits/programs/" + program + "/open", null, admin, null);
        if (opened.statusCode() >= 300) {
            throw new IllegalStateException("opening the program failed: " + opened.statusCode() + " " + opened.body());
        }
        List<String> members = new ArrayList<>();
        for (int attempt = 0; attempt < 60 && members.size() < 20; attempt++) {
            HttpResponse<String> page = send("GET", MEMBERSHIP + "/api/members?status=ACTIVE&size=100", null, admin, null);
            members.clear();
            Matcher ids = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(page.body());
            while (ids.find()) {
                members.add(ids.group(1));
            }
            if (members.size() < 20) {
                Thread.sleep(5_000); // the demo members are still being loaded
            }
        }
        if (members.isEmpty()) {
            throw new IllegalStateException("no active members to grant to");
        }
        Files.writeString(out, program + "\n" + String.join("\n", members) + "\n");
        System.out.println("[power-cut] program " + program + ", " + members.size() + " members to grant to");
    }

    private static void load(Path clientsFile, Path grantsFile, String adminPassword, int killAfter, String pids,
            String round, Path outDir) throws Exception {
        List<String[]> clients = Files.readAllLines(clientsFile).stream().filter(line -> !line.isBlank())
                .map(line -> line.split(" ")).toList();
        List<String> grantLines = Files.readAllLines(grantsFile).stream().filter(line -> !line.isBlank()).toList();
        String program = grantLines.get(0);
        List<String> members = grantLines.subList(1, grantLines.size());
        String admin = signIn(adminPassword);

        Queue<String> checkIns = new ConcurrentLinkedQueue<>();
        Queue<String> grants = new ConcurrentLinkedQueue<>();
        CountDownLatch enough = new CountDownLatch(killAfter);
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        Instant started = Instant.now();
        for (String[] client : clients) {
            String token = client[0];
            String[] stations = client[1].split(",");
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; !killed.get(); i++) {
                    String visitId = UUID.randomUUID().toString();
                    String station = stations[i % stations.length];
                    String visitedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
                    String visit = checkInBody(visitId, station, visitedAt);
                    try {
                        HttpResponse<String> answer = send("POST", GATEWAY + "/api/checkins", visit, token, null);
                        if (answer.statusCode() == 201 || answer.statusCode() == 202) {
                            checkIns.add(visitId + " " + station + " " + visitedAt);
                            enough.countDown();
                        }
                    } catch (IOException | InterruptedException e) {
                        if (killed.get()) {
                            return;
                        }
                    }
                    if (killed.get()) {
                        return;
                    }
                }
            }));
        }
        for (int c = 0; c < GRANT_CLIENTS; c++) {
            int client = c;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; !killed.get(); i++) {
                    String member = members.get((client + i * GRANT_CLIENTS) % members.size());
                    try {
                        HttpResponse<String> answer = send("POST", GATEWAY + "/api/benefits/programs/" + program + "/grants",
                                "{\"memberId\":\"" + member + "\",\"note\":\"断电测试\"}", admin, UUID.randomUUID().toString());
                        String id = field(answer.body(), "id");
                        if (answer.statusCode() == 201 && id != null) {
                            grants.add(id);
                            enough.countDown();
                        }
                    } catch (IOException | InterruptedException e) {
                        if (killed.get()) {
                            return;
                        }
                    }
                }
            }));
        }
        enough.await();
        Duration loaded = Duration.between(started, Instant.now());
        killed.set(true);
        List<String> kill = new ArrayList<>(List.of("kill", "-KILL"));
        kill.addAll(List.of(pids.trim().split("\\s+")));
        int killStatus = new ProcessBuilder(kill).inheritIO().start().waitFor();
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(60));
        }
        Files.write(outDir.resolve("checkins-" + round), checkIns);
        Files.write(outDir.resolve("grants-" + round), grants);
        Files.writeString(outDir.resolve("program"), program);
        System.out.printf("[power-cut] round %s: %d check-ins and %d grants acknowledged in %d s, then kill -9 of %d "
                + "processes (status %d)%n", round, checkIns.size(), grants.size(), loaded.toSeconds(),
                kill.size() - 2, killStatus);
    }

    private static void verify(String adminPassword, String round, Path outDir) throws Exception {
        String admin = signIn(adminPassword);
        int checkInsPresent = 0;
        int checkInsLost = 0;
        List<String> checkIns = Files.readAllLines(outDir.resolve("checkins-" + round));
        for (String line : checkIns) {
            String[] visit = line.split(" ");
            HttpResponse<String> again = send("POST", STATIONS + "/api/checkins", checkInBody(visit[0], visit[1], visit[2]), admin, null);
            if (again.statusCode() == 200 || again.statusCode() == 409) {
                // 200: the same visit is there; 409: the id is there, recorded for its attendant (not the admin)
                checkInsPresent++;
            } else if (again.statusCode() == 201 || again.statusCode() == 202) {
                checkInsLost++;
            } else {
                throw new IllegalStateException("re-sending check-in " + visit[0] + ": " + again.statusCode() + " " + again.body());
            }
        }
        int grantsPresent = 0;
        int grantsLost = 0;
        List<String> grants = Files.readAllLines(outDir.resolve("grants-" + round));
        for (String id : grants) {
            HttpResponse<String> found = send("GET", BENEFITS + "/api/benefits/grants/" + id, null, admin, null);
            if (found.statusCode() == 200) {
                grantsPresent++;
            } else if (found.statusCode() == 404) {
                grantsLost++;
            } else {
                throw new IllegalStateException("reading grant " + id + ": " + found.statusCode() + " " + found.body());
            }
        }
        System.out.printf("round %s | check-ins acknowledged %d, present %d, lost %d | grants acknowledged %d, "
                + "present %d, lost %d%n", round, checkIns.size(), checkInsPresent, checkInsLost, grants.size(),
                grantsPresent, grantsLost);
    }

    private static String checkInBody(String visitId, String station, String visitedAt) {
        return "{\"visitId\":\"" + visitId + "\",\"stationId\":\"" + station + "\",\"workerType\":\"COURIER\","
                + "\"services\":[\"REST\",\"WATER\"],\"visitedAt\":\"" + visitedAt + "\"}";
    }

    /** As prepare-checkins.py: "admin", or "demo-admin" when the demo data made the accounts first; retried while busy. */
    private static String signIn(String passwords) throws Exception {
        String[] both = passwords.split(":", 2);
        for (int attempt = 0; attempt < 30; attempt++) {
            for (String[] account : List.of(new String[] {"admin", both[0]}, new String[] {"demo-admin", both[1]})) {
                HttpResponse<String> answer = send("POST", ORGANIZATIONS + "/api/auth/token",
                        "{\"username\":\"" + account[0] + "\",\"password\":\"" + account[1] + "\"}", null, null);
                String token = field(answer.body(), "accessToken");
                if (answer.statusCode() == 200 && token != null) {
                    return token;
                }
            }
            Thread.sleep(2_000);
        }
        throw new IllegalStateException("the administrator could not sign in");
    }

    private static HttpResponse<String> send(String method, String url, String body, String token, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json == null ? "" : json);
        return value.find() ? value.group(1) : null;
    }
}
