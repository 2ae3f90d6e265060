package org.unionplatform.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.unionplatform.infrastructure.DamagedStoreException;
import org.unionplatform.infrastructure.EmbeddedAmqpBroker;
import org.unionplatform.infrastructure.EmbeddedMongo;

/**
 * Runs the whole platform on one machine with nothing installed but a JDK: an embedded MongoDB-wire
 * server (data kept under ./data/mongo) and AMQP broker in this JVM, and the gateway and the four
 * services as child JVMs. Ctrl-C stops the children gracefully, then the broker, then MongoDB, so
 * the data survives.
 * <p>
 * Over 200 lines on purpose: the whole start and stop sequence of the local platform in one place, read top to bottom.
 */
public final class LocalPlatform {

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    /** A JVM recording for its AOT cache writes what it used (~90 MB) when it stops. */
    static final Duration STOP_TIMEOUT_WHILE_RECORDING = Duration.ofSeconds(45);

    private final LauncherSettings settings;
    private final HealthProbe health = new HealthProbe();
    private final Map<Application, Process> children = new ConcurrentHashMap<>();
    private final Map<Application, AotCache.Plan> plans = new ConcurrentHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private AotCache aotCache;
    private EmbeddedMongo mongo;
    private EmbeddedAmqpBroker broker;

    LocalPlatform(LauncherSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws InterruptedException {
        LauncherSettings settings;
        try {
            settings = LauncherSettings.from(System.getenv(), Path.of(""), Path.of(System.getProperty("java.home")));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (List.of(args).contains(StoreRepair.FLAG)) {
            System.exit(new StoreRepair(settings).run());
            return;
        }
        int exitCode = new LocalPlatform(settings).run();
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    int run() throws InterruptedException {
        List<String> problems = new ArrayList<>(missingJars());
        problems.addAll(portsInUse());
        if (!problems.isEmpty()) {
            problems.forEach(problem -> System.err.println("✗ " + problem));
            return 1;
        }
        createFolder(settings.logsDir());
        preparePlans();

        try {
            mongo = EmbeddedMongo.onFile(settings.mongoFile(), "127.0.0.1", settings.mongoPort());
            say("MongoDB (embedded)  %s  data in %s", mongo.connectionString(), relative(settings.mongoFile().getParent()));
            broker = EmbeddedAmqpBroker.startPersistent("127.0.0.1", settings.brokerPort(), settings.brokerStore());
            say("AMQP broker (embedded Qpid)  amqp://%s:%d  messages in %s", broker.host(), broker.port(),
                    relative(settings.brokerStore()));
        } catch (DamagedStoreException e) {
            StoreRepair.whatToDo(e, relative(e.file())).forEach(System.err::println);
            stopInfrastructure();
            return 1;
        } catch (RuntimeException e) {
            System.err.println("✗ " + e.getMessage() + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""));
            stopInfrastructure();
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "local-platform-stop"));

        ChildLaunch.Endpoints endpoints = new ChildLaunch.Endpoints(mongo.connectionString(),
                broker.host(), broker.port(), broker.username(), broker.password());
        LocalSecrets secrets = LocalSecrets.loadOrCreate(settings.dataDir());
        for (Application application : Application.ALL) {
            AotCache.Plan plan = plans.get(application);
            List<String> flags = new ArrayList<>(plan.jvmFlags());
            flags.addAll(settings.extraJvmFlags(application)); // last, so they override the defaults
            start(ChildLaunch.of(application, settings.javaBinary(), plan.jar(), flags, endpoints, secrets), plan);
        }

        List<Application> up = awaitHealthy();
        if (stopping) {
            stopped.await();
            return 0;
        }
        Duration sinceLaunch = Duration.between(launchedAt(), Instant.now());
        if (up.size() == Application.ALL.size()) {
            say("");
            say("All %d applications are UP, %s after launch.", up.size(), seconds(sinceLaunch));
        } else {
            say("");
            say("✗ %d of %d applications are UP; see the logs of the others.", up.size(), Application.ALL.size());
        }
        say("  Gateway      http://localhost:%d", Application.GATEWAY.port());
        say("  Swagger UI   http://localhost:%d/swagger-ui.html", Application.GATEWAY.port());
        say("  Pages        http://localhost:%d/station/  (attendants: visit log, works offline)",
                Application.GATEWAY.port());
        say("               http://localhost:%d/m/        (workers: join, e-card, nearest stations)",
                Application.GATEWAY.port());
        say("               http://localhost:%d/check-in/{stationId}  (behind a station's printed QR code)",
                Application.GATEWAY.port());
        say("  Logs         %s/", relative(settings.logsDir()));
        say("");
        say("Sign in (secrets kept in %s):", relative(settings.dataDir().resolve(LocalSecrets.FILE_NAME)));
        say("  administrator   admin / %s", secrets.adminPassword());
        DemoAccounts.ALL.forEach(account -> say("  %-15s %s / %s", account.role(), account.username(),
                secrets.demoPassword()));
        say("  curl -s -X POST http://localhost:%d/api/auth/token -H 'Content-Type: application/json' \\",
                Application.GATEWAY.port());
        say("       -d '{\"username\":\"admin\",\"password\":\"%s\"}'", secrets.adminPassword());
        say("");
        say("Ctrl-C stops everything.");
        stopped.await();
        return 0;
    }

    /** Extracts the jars (in parallel); records AOT caches when asked to and the JDK can. */
    private void preparePlans() throws InterruptedException {
        boolean record = settings.aotEnabled() && AotCache.supported(Runtime.version());
        AotCache cache = new AotCache(settings.aotDir(), settings.javaBinary(), Runtime.version().toString());
        List<Thread> workers = new ArrayList<>();
        for (Application application : Application.ALL) {
            Path jar = application.jar(settings.projectRoot());
            workers.add(Thread.ofVirtual().start(() -> plans.put(application,
                    cache.prepare(application, jar, record))));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        this.aotCache = cache;
    }

    private void start(ChildLaunch launch, AotCache.Plan plan) {
        Application application = launch.application();
        Path log = settings.logsDir().resolve(application.module() + ".log");
        keepPreviousLog(log);
        ProcessBuilder builder = new ProcessBuilder(launch.command())
                .directory(settings.projectRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(launch.environment());
        try {
            Process process = builder.start();
            children.put(application, process);
            say("%-22s pid %-7d starting on port %d (%s)", application.module(), process.pid(), application.port(),
                    plan.description());
            process.onExit().thenAccept(exited -> reportExit(application, exited, log));
        } catch (IOException e) {
            say("✗ %s could not be started: %s", application.module(), e.getMessage());
        }
    }

    /** Polls every child's health endpoint until it is UP, it dies, or the startup timeout passes. */
    private List<Application> awaitHealthy() throws InterruptedException {
        List<Application> up = new ArrayList<>();
        Map<Application, Instant> startedAt = new ConcurrentHashMap<>();
        children.keySet().forEach(application -> startedAt.put(application, Instant.now()));
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        List<Application> waiting = new ArrayList<>(children.keySet());
        waiting.sort((a, b) -> Application.ALL.indexOf(a) - Application.ALL.indexOf(b));
        while (!waiting.isEmpty() && Instant.now().isBefore(deadline) && !stopping) {
            for (Application application : List.copyOf(waiting)) {
                Process process = children.get(application);
                if (!process.isAlive()) {
                    waiting.remove(application);
                } else if (health.isUp(application.port())) {
                    waiting.remove(application);
                    up.add(application);
                    say("%-22s pid %-7d UP after %s", application.module(), process.pid(),
                            seconds(Duration.between(launchedAt(), Instant.now())));
                }
            }
            if (!waiting.isEmpty()) {
                TimeUnit.MILLISECONDS.sleep(250);
            }
        }
        if (stopping) {
            return up;
        }
        waiting.forEach(application -> say("✗ %s is not UP after %d s; see %s", application.module(),
                STARTUP_TIMEOUT.toSeconds(), relative(settings.logsDir().resolve(application.module() + ".log"))));
        return up;
    }

    private void reportExit(Application application, Process exited, Path log) {
        if (stopping) {
            return;
        }
        say("");
        say("✗ %s (pid %d) STOPPED with exit code %d. Last lines of %s:", application.module(), exited.pid(),
                exited.exitValue(), relative(log));
        LogTail.lastLines(log, 15).forEach(line -> say("    %s", line.length() > 240 ? line.substring(0, 240) + "…" : line));
    }

    /** The shutdown hook: children first (they flush to MongoDB and the broker), then the broker, then MongoDB. */
    void stop() {
        stopping = true;
        try {
            say("");
            boolean recording = plans.values().stream().anyMatch(AotCache.Plan::recording);
            Duration timeout = recording ? STOP_TIMEOUT_WHILE_RECORDING : STOP_TIMEOUT;
            say("Stopping %d applications…", children.size());
            children.values().forEach(Process::destroy);
            Instant deadline = Instant.now().plus(timeout);
            children.forEach((application, process) -> {
                if (!awaitExit(process, deadline)) {
                    say("✗ %s did not stop within %d s: killing it", application.module(), timeout.toSeconds());
                    process.destroyForcibly();
                    awaitExit(process, Instant.now().plusSeconds(5));
                    aotCache.discardRecording(plans.get(application));
                }
            });
            stopInfrastructure();
            say("Stopped. MongoDB data is kept in %s, unconsumed events in %s.",
                    relative(settings.mongoFile().getParent()), relative(settings.brokerStore()));
            if (recording) {
                assembleAotCaches();
            }
        } finally {
            stopped.countDown();
        }
    }

    /** MongoDB is closed even when the broker fails to: an unclosed H2 store loses its last writes. */
    /** After everything is stopped (data is safe even if this is interrupted), two at a time on 2 cores. */
    private void assembleAotCaches() {
        say("Assembling AOT caches for faster starts (once after each build)…");
        Instant started = Instant.now();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
            plans.values().stream().filter(AotCache.Plan::recording)
                    .forEach(plan -> results.add(pool.submit(() -> aotCache.assemble(plan, ChildLaunch.JVM_FLAGS))));
            long done = 0;
            for (var result : results) {
                done += result.get() ? 1 : 0;
            }
            say("%d of %d AOT caches written in %s.", done, results.size(), seconds(Duration.between(started, Instant.now())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            say("✗ assembling AOT caches failed: %s", e.getCause().getMessage());
        }
    }

    private void stopInfrastructure() {
        try {
            if (broker != null) {
                broker.close();
            }
        } catch (RuntimeException e) {
            say("✗ the AMQP broker did not stop cleanly: %s", e.getMessage());
        } finally {
            if (mongo != null) {
                mongo.close();
            }
        }
    }

    private static boolean awaitExit(Process process, Instant deadline) {
        try {
            long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private List<String> missingJars() {
        List<String> problems = new ArrayList<>();
        for (Application application : Application.ALL) {
            Path jar = application.jar(settings.projectRoot());
            if (!Files.isRegularFile(jar)) {
                problems.add("Missing " + relative(jar) + ": build first (./run.sh builds what is missing).");
            }
        }
        return problems;
    }

    private List<String> portsInUse() {
        List<String> problems = new ArrayList<>();
        checkPort(problems, settings.mongoPort(), "the embedded MongoDB (set LOCAL_MONGO_PORT to use another)");
        checkPort(problems, settings.brokerPort(), "the embedded AMQP broker (set LOCAL_BROKER_PORT to use another)");
        Application.ALL.forEach(application -> checkPort(problems, application.port(), application.module()));
        if (!problems.isEmpty()) {
            problems.add("Is the platform already running? Stop it (Ctrl-C in its terminal) or free the ports.");
        }
        return problems;
    }

    private static void checkPort(List<String> problems, int port, String forWhat) {
        if (Ports.inUse(port)) {
            problems.add("Port " + port + " is already in use; it is needed by " + forWhat + ".");
        }
    }

    private void keepPreviousLog(Path log) {
        try {
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The new run appends to the old log instead; nothing is lost.
        }
    }

    private static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    private String relative(Path path) {
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(settings.projectRoot()) ? settings.projectRoot().relativize(absolute).toString()
                : absolute.toString();
    }

    /** When this JVM started (run.sh execs it after building, so the process itself is older). */
    private static Instant launchedAt() {
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static void say(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    }
}
