import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 16's fault suite, a single-file program (JDK only) driven by bench/faults.sh: the real ./run.sh on a fresh
 * data directory, a steady mix of writes from many clients through the gateway (single check-ins and offline batches
 * from attendants, applications filed and approved by an organizer, hardship grants by officers), and in turn: one
 * instance of each domain service killed (-9) and started again by the launcher; the broker stopped for 20 s (the
 * installed RabbitMQ: rabbitmqctl stop_app / start_app; the embedded broker lives in the launcher's JVM, so there
 * every connection to it is cut for 20 s at a TCP proxy); every connection to MongoDB cut for 10 s (a TCP proxy); a
 * power cut (kill -9 of every process at once) and ./run.sh again.
 * <p>
 * Clients behave as the pages do: a write whose answer did not come (refused, cut, 5xx) is sent again with the same
 * visit id, Idempotency-Key or resident ID until it is answered, so after each fault every write is acknowledged,
 * and any write the platform kept twice or lost shows. After each fault: the outboxes drain (bus.outbox.pending = 0
 * on every service, timed, at most 120 s), then every acknowledged check-in is looked up (sent again by the
 * administrator: a duplicate answer means kept) and the stations' visit counts must equal the distinct acknowledged
 * visits; every acknowledged grant read back, the program's grants must number the acknowledged ones and its
 * budget must equal their sum (nothing left reserved); every approved member must have exactly one welcome-pack
 * entry (membership.approved applied once by benefits). One line per fault in a table. 127.0.0.1 only, bounded.
 * <p>
 * Usage: java bench/FaultSuite.java &lt;platform folder&gt; &lt;embedded|rabbitmq&gt; &lt;replicas&gt; [vhost]
 */
public class FaultSuite {

    static final String GATEWAY = "http://127.0.0.1:8080";
    static final String ORGANIZATIONS = "http://127.0.0.1:8081";
    static final String MEMBERSHIP = "http://127.0.0.1:8082";
    static final String STATIONS = "http://127.0.0.1:8083";
    static final String BENEFITS = "http://127.0.0.1:8084";
    static final int[] SERVICE_PORTS = {8081, 8082, 8083, 8084};
    static final List<String> SERVICES = List.of("organization-service", "membership-service", "station-service",
            "benefits-service");
    static final int MONGO_PORT = 27117;
    static final int MONGO_PROXY_PORT = 27127;
    static final int EMBEDDED_BROKER_PORT = 5673;
    static final int BROKER_PROXY_PORT = 5683;
    static final Duration BEFORE = Duration.ofSeconds(10);
    static final Duration AFTER = Duration.ofSeconds(20);
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(180);
    static final Duration FULL_SWEEP = Duration.ofSeconds(60);
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(300);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    static final Random RANDOM = new Random();

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]).toAbsolutePath();
        boolean rabbit = "rabbitmq".equals(args[1]);
        int replicas = Integer.parseInt(args[2]);
        String vhost = args.length > 3 ? args[3] : "/";
        Instant began = Instant.now();

        Proxy mongoProxy = Proxy.start(MONGO_PROXY_PORT, MONGO_PORT);
        Proxy brokerProxy = rabbit ? null : Proxy.start(BROKER_PROXY_PORT, EMBEDDED_BROKER_PORT);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LOCAL_SERVICES_MONGO_PORT", Integer.toString(MONGO_PROXY_PORT));
        if (rabbit) {
            env.put("LOCAL_BROKER_URI", "amqp://guest:guest@127.0.0.1:5672/" + java.net.URLEncoder.encode(vhost,
                    java.nio.charset.StandardCharsets.UTF_8));
        } else {
            env.put("LOCAL_SERVICES_BROKER_PORT", Integer.toString(BROKER_PROXY_PORT));
        }
        if (replicas > 1) {
            env.put("LOCAL_REPLICAS", Integer.toString(replicas));
        }
        Platform platform = new Platform(folder, env, replicas);
        List<String> rows = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                platform.stop(); // also on Ctrl-C
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            platform.start();
            Setup setup = Setup.prepare(folder);
            Ledger ledger = new Ledger();
            rows.add(phase("one instance of each service killed (-9)", setup, ledger, platform, () -> {
                platform.killOneInstanceOfEachService();
                platform.awaitInstances();
            }));
            rows.add(phase(rabbit ? "broker stopped 20 s (rabbitmqctl)" : "broker connections cut 20 s (proxy)",
                    setup, ledger, platform, () -> {
                        if (rabbit) {
                            run("rabbitmqctl", "-q", "stop_app");
                            Thread.sleep(20_000);
                            run("rabbitmqctl", "-q", "start_app");
                        } else {
                            brokerProxy.cut(Duration.ofSeconds(20));
                        }
                    }));
            rows.add(phase("MongoDB connections cut 10 s (proxy)", setup, ledger, platform,
                    () -> mongoProxy.cut(Duration.ofSeconds(10))));
            rows.add(phase("power cut: every process killed (-9), ./run.sh again", setup, ledger, platform, () -> {
                platform.killAll();
                platform.start();
            }));
            rows.add(welcomeRow(setup, ledger));
        } finally {
            platform.stop();
            mongoProxy.close();
            if (brokerProxy != null) {
                brokerProxy.close();
            }
        }
        System.out.println();
        System.out.printf("fault suite: %s broker, %d instance(s) of each service, %d s in all%n",
                rabbit ? "installed RabbitMQ" : "embedded", replicas, Duration.between(began, Instant.now()).toSeconds());
        System.out.println("| fault | writes/s before | during | after | acknowledged | lost | doubled | drain | checks |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        if (rows.stream().anyMatch(row -> row.contains("FAIL"))) {
            System.exit(1);
        }
    }

    interface Fault {
        void inject() throws Exception;
    }

    /** Load before, the fault, load after; then every client finishes what it began, the outboxes drain, we count. */
    static String phase(String name, Setup setup, Ledger ledger, Platform platform, Fault fault) throws Exception {
        System.out.println("[faults] " + name + ": signing in, load for " + BEFORE.toSeconds() + " s, then the fault");
        Tokens tokens = setup.signIn();
        Load load = Load.start(setup, tokens, ledger);
        Thread.sleep(BEFORE.toMillis());
        long before = load.rate(BEFORE);
        Instant faultAt = Instant.now();
        long ackedAtFault = load.acknowledged.get();
        fault.inject();
        Duration during = Duration.between(faultAt, Instant.now());
        long duringRate = (load.acknowledged.get() - ackedAtFault) * 1000 / Math.max(1, during.toMillis());
        System.out.println("[faults] " + name + ": fault over after " + during.toSeconds() + " s; load for "
                + AFTER.toSeconds() + " s more");
        Thread.sleep(AFTER.toMillis());
        long after = load.rate(AFTER);
        load.finish();
        Instant settled = Instant.now();
        Duration drain = awaitDrained(settled, platform.replicas);
        System.out.println("[faults] " + name + ": every write answered; outboxes drained "
                + (drain == null ? "not within " + DRAIN_LIMIT.toSeconds() + " s" : "within " + drain.toSeconds() + " s"));
        Check check = Check.everything(setup, tokens, ledger, load);
        String row = "| %s | %d | %d | %d | %d | %d | %d | %s | %s |".formatted(name, before, duringRate, after,
                load.acknowledged.get(), check.lost, check.doubled,
                drain == null ? "> " + DRAIN_LIMIT.toSeconds() + " s" : "<= " + drain.toSeconds() + " s", check.notes());
        if (check.lost > 0 || check.doubled > 0 || drain == null || !check.problems.isEmpty()) {
            row += " FAIL";
        }
        System.out.println("[faults] " + row + " (settled " + Duration.between(settled, Instant.now()).toSeconds()
                + " s after the load stopped)");
        return row;
    }

    /** After every fault: each approval's membership.approved applied once (one welcome entry), waiting up to 15 min. */
    static String welcomeRow(Setup setup, Ledger ledger) throws Exception {
        String admin = setup.signIn().admin();
        Instant start = Instant.now();
        Map<String, Integer> entries = Check.welcomeEntries(admin, ledger, Duration.ofMinutes(15));
        long missing = ledger.approvedMembers.stream().filter(m -> entries.getOrDefault(m, 0) == 0).count();
        long twice = ledger.approvedMembers.stream().mapToLong(m -> Math.max(0, entries.getOrDefault(m, 0) - 1)).sum();
        String row = "| every approval's welcome pack, after all faults | | | | %d | %d | %d | | one entry each, found within %d s |"
                .formatted(ledger.approvedMembers.size(), missing, twice, Duration.between(start, Instant.now()).toSeconds());
        System.out.println("[faults] " + row);
        return missing > 0 || twice > 0 ? row + " FAIL" : row;
    }

    /**
     * bus.outbox.pending is what each service's last full sweep of its outbox collections found (every minute, see
     * platform.bus.full-sweep-interval), so a zero counts only when read a full sweep after the load stopped; then
     * every instance must read 0. The time is therefore an upper bound: drained within it.
     */
    static Duration awaitDrained(Instant loadStopped, int replicas) throws InterruptedException {
        while (Duration.between(loadStopped, Instant.now()).compareTo(DRAIN_LIMIT) < 0) {
            boolean trusted = Duration.between(loadStopped, Instant.now()).compareTo(FULL_SWEEP.plusSeconds(5)) >= 0;
            long pending = 0;
            boolean read = true;
            for (int instance = 0; instance < replicas; instance++) {
                for (int port : SERVICE_PORTS) {
                    try {
                        HttpResponse<String> metrics = send("GET", "http://127.0.0.1:" + (port + 10 * instance)
                                + "/actuator/prometheus", null, null, null);
                        Matcher gauge = Pattern.compile("(?m)^bus_outbox_pending\\S*\\s+([0-9.eE+]+)")
                                .matcher(metrics.body());
                        while (gauge.find()) {
                            pending += (long) Double.parseDouble(gauge.group(1));
                        }
                    } catch (IOException e) {
                        read = false;
                    }
                }
            }
            if (trusted && read && pending == 0) {
                return Duration.between(loadStopped, Instant.now());
            }
            Thread.sleep(2_000);
        }
        return null;
    }

    // ---- the platform ----

    static final class Platform {
        final Path folder;
        final Map<String, String> env;
        final int replicas;
        Process process;
        int starts;

        Platform(Path folder, Map<String, String> env, int replicas) {
            this.folder = folder;
            this.env = env;
            this.replicas = replicas;
        }

        void start() throws Exception {
            Instant start = Instant.now();
            ProcessBuilder builder = new ProcessBuilder("./run.sh").directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("run-" + starts++ + ".out").toFile());
            builder.environment().putAll(env);
            process = builder.start();
            for (int port : new int[] {8081, 8082, 8083, 8084, 8080}) {
                awaitReady(port, start);
            }
            awaitInstances();
            System.out.println("[faults] platform ready " + Duration.between(start, Instant.now()).toSeconds()
                    + " s after ./run.sh started");
        }

        void awaitReady(int port, Instant start) throws Exception {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("./run.sh exited while starting; see " + folder + "/run-*.out");
                }
                if (Duration.between(start, Instant.now()).toSeconds() > 600) {
                    throw new IllegalStateException("port " + port + " not ready after 600 s");
                }
                try {
                    if (send("GET", "http://127.0.0.1:" + port + "/actuator/health/readiness", null, null, null)
                            .statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // starting
                }
                Thread.sleep(2_000);
            }
        }

        /** Every service runs its number of instances again (the launcher restarts one that died). */
        void awaitInstances() throws Exception {
            Instant start = Instant.now();
            while (SERVICES.stream().anyMatch(service -> instances(service).size() < replicas)) {
                if (Duration.between(start, Instant.now()).toSeconds() > 300) {
                    throw new IllegalStateException("the killed instances did not come back within 300 s");
                }
                Thread.sleep(1_000);
            }
            // and each answers: the gateway sends to it again (instance n listens on its port + 10 x (n - 1))
            for (int instance = 0; instance < replicas; instance++) {
                for (int port : SERVICE_PORTS) {
                    awaitReady(port + 10 * instance, Instant.now());
                }
            }
        }

        List<ProcessHandle> instances(String service) {
            return process.descendants().filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().arguments().map(List::of).orElse(List.of()).stream()
                            .anyMatch(argument -> argument.endsWith(service + ".jar")))
                    .toList();
        }

        void killOneInstanceOfEachService() throws Exception {
            List<String> command = new ArrayList<>(List.of("kill", "-KILL"));
            for (String service : SERVICES) {
                instances(service).stream().findFirst().ifPresent(handle -> command.add(Long.toString(handle.pid())));
            }
            run(command.toArray(String[]::new));
        }

        /** One kill command for the launcher (the embedded servers) and every child: a power cut. */
        void killAll() throws Exception {
            List<String> command = new ArrayList<>(List.of("kill", "-KILL", Long.toString(process.pid())));
            process.descendants().forEach(handle -> command.add(Long.toString(handle.pid())));
            run(command.toArray(String[]::new));
            process.waitFor();
        }

        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy(); // SIGTERM: the launcher stops its children, then the servers
                if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            }
        }
    }

    /** A TCP proxy that can cut every connection and refuse new ones for a while. */
    static final class Proxy implements AutoCloseable {
        final int port;
        final int target;
        final Set<Socket> open = ConcurrentHashMap.newKeySet();
        volatile ServerSocket server;
        volatile boolean closed;

        static Proxy start(int port, int target) throws IOException {
            Proxy proxy = new Proxy(port, target);
            proxy.listen();
            return proxy;
        }

        Proxy(int port, int target) {
            this.port = port;
            this.target = target;
        }

        void listen() throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = socket;
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        Socket upstream = new Socket();
                        try {
                            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 3_000);
                        } catch (IOException refused) {
                            client.close();
                            continue;
                        }
                        open.add(client);
                        open.add(upstream);
                        pump(client, upstream);
                        pump(upstream, client);
                    } catch (IOException stopped) {
                        return;
                    }
                }
            });
        }

        void pump(Socket from, Socket to) {
            Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException cut) {
                    // the other side or the cut closed it
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            });
        }

        /** Resets every connection and refuses new ones (the port is closed) for the duration. */
        void cut(Duration duration) throws Exception {
            server.close();
            for (Socket socket : open) {
                try {
                    socket.setSoLinger(true, 0); // RST, as a cable pulled mid-conversation looks to the peer
                } catch (IOException ignored) {
                    // already closed
                }
                closeQuietly(socket);
            }
            open.clear();
            Thread.sleep(duration.toMillis());
            if (!closed) {
                listen();
            }
        }

        @Override
        public void close() throws IOException {
            closed = true;
            server.close();
            open.forEach(FaultSuite::closeQuietly);
        }
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed
        }
    }

    // ---- data the load writes to ----

    record Tokens(String admin, List<String[]> attendants) {
    }

    record Setup(Path folder, String adminPassword, String demoPassword, String grantProgram, List<String> members,
            String welcomeProgram, Path clients) {

        static Setup prepare(Path folder) throws Exception {
            String admin = secret(folder, "admin.password");
            String demo = secret(folder, "demo.password");
            Path clients = folder.resolve("clients");
            prepareAttendants(folder, admin, demo, clients);
            String token = FaultSuite.signIn(admin, demo);
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            String grants = openProgram(token, """
                    {"name":"故障测试困难补助","kind":"HARDSHIP_GRANT","organizationId":"shaanxi","orgPath":"/shaanxi/",
                     "startsOn":"%s","endsOn":"2099-12-31","budgetFen":10000000000,"amountPerGrantFen":100,
                     "memberLimit":{"count":100,"per":"WHOLE"},"revokeWindowDays":30}""".formatted(today));
            String welcome = openProgram(token, """
                    {"name":"故障测试入会礼包","kind":"WELCOME_PACK","organizationId":"shaanxi","orgPath":"/shaanxi/",
                     "startsOn":"%s","endsOn":"2099-12-31","stock":100000,"itemName":"入会礼包"}""".formatted(today));
            List<String> members = new ArrayList<>();
            for (int attempt = 0; attempt < 60 && members.size() < 20; attempt++) {
                members = ids(send("GET", MEMBERSHIP + "/api/members?status=ACTIVE&size=100", null, token, null).body(),
                        "id");
                if (members.size() < 20) {
                    Thread.sleep(5_000); // the demo members are still being loaded
                }
            }
            if (members.isEmpty()) {
                throw new IllegalStateException("no active members to grant to");
            }
            System.out.println("[faults] 48 stations, 16 attendants, grant program " + grants + " over "
                    + members.size() + " members, welcome packs " + welcome);
            return new Setup(folder, admin, demo, grants, members, welcome, clients);
        }

        /** Tokens last 10 minutes: every fault signs in again (prepare-checkins.py is idempotent). */
        Tokens signIn() throws Exception {
            prepareAttendants(folder, adminPassword, demoPassword, clients);
            List<String[]> attendants = Files.readAllLines(clients).stream().filter(line -> !line.isBlank())
                    .map(line -> line.split(" ")).toList();
            return new Tokens(FaultSuite.signIn(adminPassword, demoPassword), attendants);
        }

        static void prepareAttendants(Path folder, String admin, String demo, Path out) throws Exception {
            Process python = new ProcessBuilder("python3", "bench/stations/prepare-checkins.py", admin, demo,
                    out.toString(), "48", "16").directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (python.waitFor() != 0) {
                throw new IllegalStateException("prepare-checkins.py failed");
            }
        }

        static String openProgram(String token, String body) throws Exception {
            HttpResponse<String> created = send("POST", BENEFITS + "/api/benefits/programs", body, token, null);
            String id = field(created.body(), "id");
            if (created.statusCode() != 201 || id == null) {
                throw new IllegalStateException("creating a program failed: " + created.statusCode() + " " + created.body());
            }
            HttpResponse<String> opened = send("POST", BENEFITS + "/api/benefits/programs/" + id + "/open", null, token, null);
            if (opened.statusCode() >= 300) {
                throw new IllegalStateException("opening a program failed: " + opened.statusCode() + " " + opened.body());
            }
            return id;
        }
    }

    /** Everything acknowledged since the start, over all faults. */
    static final class Ledger {
        final Map<String, String[]> visits = new ConcurrentHashMap<>(); // visit id -> station, visitedAt, phase
        final Set<String> grants = ConcurrentHashMap.newKeySet();
        final Set<String> approvedMembers = ConcurrentHashMap.newKeySet();
        int phase;
    }

    // ---- the load ----

    static final class Load {
        final AtomicLong acknowledged = new AtomicLong();
        final ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>(); // {time ms, acknowledged}
        final AtomicBoolean stop = new AtomicBoolean();
        final List<Thread> threads = new ArrayList<>();
        final AtomicLong undispatched = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final Set<String> refusals = ConcurrentHashMap.newKeySet();
        Thread sampler;

        static Load start(Setup setup, Tokens tokens, Ledger ledger) {
            ledger.phase++;
            Load load = new Load();
            for (int a = 0; a < tokens.attendants().size(); a++) {
                String[] attendant = tokens.attendants().get(a);
                String[] stations = attendant[1].split(",");
                if (a % 4 == 3) {
                    load.threads.add(Thread.ofVirtual().start(() -> load.batches(attendant[0], stations, ledger)));
                } else {
                    load.threads.add(Thread.ofVirtual().start(() -> load.checkIns(attendant[0], stations, ledger)));
                }
            }
            for (int g = 0; g < 2; g++) {
                int worker = g;
                load.threads.add(Thread.ofVirtual().start(() -> load.grants(setup, tokens.admin(), worker, ledger)));
            }
            for (int w = 0; w < 2; w++) {
                load.threads.add(Thread.ofVirtual().start(() -> load.applications(tokens.admin(), ledger)));
            }
            load.sampler = Thread.ofVirtual().start(() -> {
                while (!load.stop.get()) {
                    load.samples.add(new long[] {System.currentTimeMillis(), load.acknowledged.get()});
                    sleep(250);
                }
            });
            return load;
        }

        /** Acknowledged writes per second over the last window. */
        long rate(Duration window) {
            long now = System.currentTimeMillis();
            long[] first = null;
            for (long[] sample : samples) {
                if (sample[0] >= now - window.toMillis()) {
                    first = sample;
                    break;
                }
            }
            if (first == null) {
                return 0;
            }
            return (acknowledged.get() - first[1]) * 1000 / Math.max(1, now - first[0]);
        }

        /** No new writes; each client finishes the one it began (sending it again until answered). */
        void finish() throws InterruptedException {
            stop.set(true);
            for (Thread thread : threads) {
                if (!thread.join(SETTLE_LIMIT)) {
                    throw new IllegalStateException("a client's write was still unanswered after " + SETTLE_LIMIT);
                }
            }
        }

        /** Sends until a final answer; null when the client gave up (only past the settle limit). */
        HttpResponse<String> untilAnswered(String method, String url, String body, String token, String key,
                Set<Integer> accepted) {
            Instant start = Instant.now();
            while (Duration.between(start, Instant.now()).compareTo(SETTLE_LIMIT) < 0) {
                try {
                    HttpResponse<String> answer = send(method, url, body, token, key);
                    if (accepted.contains(answer.statusCode())) {
                        return answer;
                    }
                    boolean inProgress = answer.statusCode() == 409 && answer.body().contains("idempotency-key-in-progress");
                    if (answer.statusCode() < 500 && answer.statusCode() != 429 && answer.statusCode() != 401
                            && !inProgress) {
                        // a refusal is an answer: nothing written (counted, and shown once per kind)
                        if (refusals.add(answer.statusCode() + " " + url.replaceAll("[0-9a-f-]{20,}", "{id}"))) {
                            System.out.println("[faults] refused: " + method + " " + url + " " + answer.statusCode()
                                    + " " + answer.body());
                        }
                        refused.incrementAndGet();
                        return null;
                    }
                } catch (IOException | InterruptedException unanswered) {
                    // cut, refused or timed out: the write may or may not have been kept; the same one again
                }
                // (409 idempotency-key-in-progress: the first attempt is still running; its result comes on a resend)
                sleep(500);
            }
            return null;
        }

        void checkIns(String token, String[] stations, Ledger ledger) {
            for (int i = 0; !stop.get(); i++) {
                String id = UUID.randomUUID().toString();
                String station = stations[i % stations.length];
                String at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
                HttpResponse<String> answer = untilAnswered("POST", GATEWAY + "/api/checkins", visit(id, station, at),
                        token, null, Set.of(200, 201, 202));
                if (answer != null) {
                    ledger.visits.put(id, new String[] {station, at, Integer.toString(ledger.phase)});
                    acknowledged.incrementAndGet();
                }
            }
        }

        void batches(String token, String[] stations, Ledger ledger) {
            for (int b = 0; !stop.get(); b++) {
                List<String[]> batch = new ArrayList<>();
                StringBuilder body = new StringBuilder("{\"visits\":[");
                for (int i = 0; i < 10; i++) {
                    String id = UUID.randomUUID().toString();
                    String station = stations[(b + i) % stations.length];
                    String at = Instant.now().minusSeconds(60 + i).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            .toString();
                    batch.add(new String[] {id, station, at});
                    body.append(i == 0 ? "" : ",").append(visit(id, station, at));
                }
                body.append("]}");
                HttpResponse<String> answer = untilAnswered("POST", GATEWAY + "/api/checkins/batch", body.toString(),
                        token, null, Set.of(200));
                if (answer == null) {
                    continue;
                }
                Map<String, String> outcomes = new HashMap<>();
                Matcher result = Pattern.compile("\"visitId\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"outcome\"\\s*:\\s*\"([A-Z_]+)\"")
                        .matcher(answer.body());
                while (result.find()) {
                    outcomes.put(result.group(1), result.group(2));
                }
                for (String[] v : batch) {
                    if (Set.of("CREATED", "FLAGGED", "DUPLICATE").contains(outcomes.getOrDefault(v[0], ""))) {
                        ledger.visits.put(v[0], new String[] {v[1], v[2], Integer.toString(ledger.phase)});
                        acknowledged.incrementAndGet();
                    }
                }
            }
        }

    void grants(Setup setup, String token, int worker, Ledger ledger) {
            for (int i = 0; !stop.get(); i++) {
                String member = setup.members().get((worker + i * 2) % setup.members().size());
                HttpResponse<String> answer = untilAnswered("POST",
                        GATEWAY + "/api/benefits/programs/" + setup.grantProgram() + "/grants",
                        "{\"memberId\":\"" + member + "\",\"note\":\"故障测试\"}", token, UUID.randomUUID().toString(),
                        Set.of(200, 201));
                String id = answer == null ? null : field(answer.body(), "id");
                if (id != null) {
                    ledger.grants.add(id);
                    acknowledged.incrementAndGet();
                }
            }
        }

        /** An organizer files a worker's paper form and approves it; the resident ID makes a resend the same one. */
        void applications(String token, Ledger ledger) {
            while (!stop.get()) {
                String details = """
                        {"name":"测试骑手%d","residentId":"%s","phone":"139%08d","workerType":"DELIVERY_RIDER",
                         "platform":"饿了么","divisionCode":"610103"}""".formatted(RANDOM.nextInt(10_000),
                        residentId("610103"), RANDOM.nextInt(100_000_000));
                HttpResponse<String> filed = untilAnswered("POST", GATEWAY + "/api/members/applications/by-organizer",
                        details, token, null, Set.of(200, 201, 202));
                String application = filed == null ? null : field(filed.body(), "applicationId");
                if (application == null) {
                    continue;
                }
                acknowledged.incrementAndGet();
                String status = field(filed.body(), "status");
                for (int wait = 0; !"PENDING_APPROVAL".equals(status) && wait < 120; wait++) {
                    sleep(1_000);
                    HttpResponse<String> read = untilAnswered("GET", GATEWAY + "/api/members/applications/" + application,
                            null, token, null, Set.of(200));
                    status = read == null ? null : field(read.body(), "status");
                }
                if (!"PENDING_APPROVAL".equals(status)) {
                    undispatched.incrementAndGet();
                    continue;
                }
                HttpResponse<String> approved = untilAnswered("POST",
                        GATEWAY + "/api/members/applications/" + application + "/approval", null, token, null,
                        Set.of(200, 409));
                if (approved == null) {
                    continue;
                }
                String member = field(approved.body(), "memberId");
                if (approved.statusCode() == 409) {
                    // its earlier answer was lost: approved then
                    HttpResponse<String> read = untilAnswered("GET", GATEWAY + "/api/members/applications/" + application,
                            null, token, null, Set.of(200));
                    member = read == null ? null : field(read.body(), "memberId");
                }
                if (member != null) {
                    ledger.approvedMembers.add(member);
                    acknowledged.incrementAndGet();
                }
            }
        }
    }

    // ---- what is there afterwards ----

    static final class Check {
        long lost;
        long doubled;
        final List<String> problems = new ArrayList<>();
        final List<String> figures = new ArrayList<>();

        String notes() {
            List<String> all = new ArrayList<>(figures);
            all.addAll(problems);
            return String.join("; ", all);
        }

        static Check everything(Setup setup, Tokens tokens, Ledger ledger, Load load) throws Exception {
            Check check = new Check();
            String admin = tokens.admin();
            // Visit counts of the bench stations against the distinct acknowledged visits (all faults so far).
            Set<String> stations = new java.util.TreeSet<>();
            tokens.attendants().forEach(a -> stations.addAll(List.of(a[1].split(","))));
            long counted = 0;
            for (String station : stations) {
                String figures = send("GET", STATIONS + "/api/stations/" + station + "/visit-counts", null, admin, null)
                        .body();
                counted += number(figures, "total") + number(figures, "flagged");
            }
            long visits = ledger.visits.size();
            // Counted per distinct visit: equal counts mean none lost and none twice. Otherwise each acknowledged
            // visit of this fault is looked up by sending it again as the administrator.
            long visitsLost = 0;
            for (Map.Entry<String, String[]> visit : counted == visits ? List.<Map.Entry<String, String[]>>of()
                    : ledger.visits.entrySet()) {
                if (!visit.getValue()[2].equals(Integer.toString(ledger.phase))) {
                    continue;
                }
                int status = send("POST", STATIONS + "/api/checkins",
                        visit(visit.getKey(), visit.getValue()[0], visit.getValue()[1]), admin, null).statusCode();
                if (status == 201 || status == 202) {
                    visitsLost++;
                } else if (status != 200 && status != 409) {
                    check.problems.add("visit " + visit.getKey() + " answered " + status);
                }
            }
            check.lost += visitsLost;
            if (counted > visits) {
                check.doubled += counted - visits;
            }
            check.figures.add("visits counted " + counted + " / acknowledged " + visits);

            // Grants: each read back; the program holds exactly them, and its budget their sum.
            long grantsLost = 0;
            for (String grant : ledger.grants) {
                int status = send("GET", BENEFITS + "/api/benefits/grants/" + grant, null, admin, null).statusCode();
                if (status == 404) {
                    grantsLost++;
                }
            }
            check.lost += grantsLost;
            long inProgram = number(send("GET", BENEFITS + "/api/benefits/grants?programId=" + setup.grantProgram()
                    + "&size=1", null, admin, null).body(), "totalItems");
            if (inProgram > ledger.grants.size()) {
                check.doubled += inProgram - ledger.grants.size();
            }
            String program = send("GET", BENEFITS + "/api/benefits/programs/" + setup.grantProgram(), null, admin, null)
                    .body();
            long spent = number(program, "spentFen");
            long reserved = number(program, "reservedFen");
            long available = number(program, "availableFen");
            long budget = number(program, "budgetFen");
            check.figures.add("grants " + inProgram + " / acknowledged " + ledger.grants.size() + ", spent "
                    + spent + " fen");
            if (spent != inProgram * 100 || reserved != 0 || budget - available != spent) {
                check.problems.add("budget: spent " + spent + ", reserved " + reserved + ", available " + available
                        + " of " + budget + " for " + inProgram + " grants of 100 fen");
            }

            // Welcome packs: none twice here; a missing one is judged at the end (welcomeRow): benefits works through
            // the demo data's thousands of approvals after the first start, and the suite's wait behind them.
            Map<String, Integer> entries = welcomeEntries(admin, ledger, Duration.ofSeconds(30));
            check.doubled += ledger.approvedMembers.stream()
                    .mapToLong(m -> Math.max(0, entries.getOrDefault(m, 0) - 1)).sum();
            check.figures.add("approved " + ledger.approvedMembers.size() + ", with a welcome entry so far "
                    + ledger.approvedMembers.stream().filter(entries::containsKey).count());
            if (load.refused.get() > 0) {
                check.figures.add(load.refused.get() + " writes refused (4xx, nothing written)");
            }
            if (load.undispatched.get() > 0) {
                check.figures.add(load.undispatched.get() + " applications not dispatched within 120 s");
            }
            return check;
        }

        /**
         * Distinct welcome-pack entries per member, waiting up to 60 s for events still on their way.
         * The queue is served while it is read (an entry may show in WAITING, then in SERVED; pages shift), so an entry
         * is known by member and queue time: a second entry of one member has a queue time of its own.
         */
        static Map<String, Integer> welcomeEntries(String admin, Ledger ledger, Duration wait) throws Exception {
            Map<String, Integer> counts = new HashMap<>();
            Instant until = Instant.now().plus(wait);
            while (true) {
                Set<String> seen = new java.util.HashSet<>();
                for (String status : List.of("WAITING", "SERVED")) {
                    for (int page = 0; page < 100; page++) {
                        // every program: the most specific open welcome program takes a member (a union's own may)
                        String body = send("GET", BENEFITS + "/api/benefits/welcome-queue?status=" + status
                                + "&size=100&page=" + page, null, admin, null).body();
                        Matcher entry = Pattern.compile("\"memberId\"\\s*:\\s*\"([^\"]+)\"[^}]*?\"queuedAt\"\\s*:\\s*\"([^\"]+)\"")
                                .matcher(body);
                        int found = 0;
                        while (entry.find()) {
                            seen.add(entry.group(1) + " " + entry.group(2));
                            found++;
                        }
                        if (found < 100) {
                            break;
                        }
                    }
                }
                counts.clear();
                seen.forEach(key -> counts.merge(key.substring(0, key.indexOf(' ')), 1, Integer::sum));
                if (ledger.approvedMembers.stream().allMatch(counts::containsKey) || Instant.now().isAfter(until)) {
                    break;
                }
                Thread.sleep(5_000);
            }
            return counts;
        }
    }

    // ---- helpers ----

    static String visit(String id, String station, String at) {
        return "{\"visitId\":\"" + id + "\",\"stationId\":\"" + station + "\",\"workerType\":\"COURIER\","
                + "\"services\":[\"REST\",\"WATER\"],\"visitedAt\":\"" + at + "\"}";
    }

    /** A valid 18-digit resident ID of the district (GB 11643 check digit), born 1980-1999. */
    static String residentId(String district) {
        String body = district + (1980 + RANDOM.nextInt(20)) + "%02d%02d%03d".formatted(1 + RANDOM.nextInt(12),
                1 + RANDOM.nextInt(28), RANDOM.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static String secret(Path folder, String name) throws IOException {
        for (String line : Files.readAllLines(folder.resolve("data/local-secrets.properties"))) {
            if (line.startsWith(name + "=")) {
                return line.substring(name.length() + 1);
            }
        }
        throw new IllegalStateException(name + " not in data/local-secrets.properties");
    }

    /** As prepare-checkins.py: "admin", or "demo-admin" when the demo data made the accounts first. */
    static String signIn(String adminPassword, String demoPassword) throws Exception {
        for (int attempt = 0; attempt < 30; attempt++) {
            for (String[] account : List.of(new String[] {"admin", adminPassword}, new String[] {"demo-admin", demoPassword})) {
                try {
                    HttpResponse<String> answer = send("POST", ORGANIZATIONS + "/api/auth/token",
                            "{\"username\":\"" + account[0] + "\",\"password\":\"" + account[1] + "\"}", null, null);
                    String token = field(answer.body(), "accessToken");
                    if (answer.statusCode() == 200 && token != null) {
                        return token;
                    }
                } catch (IOException notYet) {
                    // starting
                }
            }
            Thread.sleep(2_000);
        }
        throw new IllegalStateException("the administrator could not sign in");
    }

    static HttpResponse<String> send(String method, String url, String body, String token, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
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

    static void run(String... command) throws Exception {
        int status = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + status);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json == null ? "" : json);
        return value.find() ? value.group(1) : null;
    }

    static List<String> ids(String json, String name) {
        List<String> values = new ArrayList<>();
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json == null ? "" : json);
        while (value.find()) {
            values.add(value.group(1));
        }
        return values;
    }

    /** The first number under that name, or -1. */
    static long number(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*(-?[0-9]+)").matcher(json == null ? "" : json);
        return value.find() ? Long.parseLong(value.group(1)) : -1;
    }
}
