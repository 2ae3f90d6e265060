package org.unionplatform.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.unionplatform.infrastructure.DamagedStoreException;
import org.unionplatform.infrastructure.EmbeddedAmqpBroker;
import org.unionplatform.infrastructure.EmbeddedMongo;

/**
 * Runs the whole platform on one machine with nothing installed but a JDK: an embedded MongoDB-wire
 * server (data kept under ./data/mongo) and AMQP broker in this JVM, and the gateway and the four
 * services as child JVMs ({@code --replicas N}: N instances of each service, see {@link Instance}). A child that
 * dies on its own is started again ({@link SupervisedProcess}). Ctrl-C stops the children gracefully, then the broker,
 * then MongoDB, so the data survives.
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
    private final Map<Instance, SupervisedProcess> children = new ConcurrentHashMap<>();
    private final ScheduledExecutorService restarter = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "local-platform-restarts");
        thread.setDaemon(true);
        return thread;
    });
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
            settings = LauncherSettings.from(System.getenv(), List.of(args), Path.of(""),
                    Path.of(System.getProperty("java.home")));
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
            if (settings.externalBroker().isEmpty()) {
                broker = EmbeddedAmqpBroker.startPersistent("127.0.0.1", settings.brokerPort(), settings.brokerStore());
                say("AMQP broker (embedded Qpid)  amqp://%s:%d  messages in %s", broker.host(), broker.port(),
                        relative(settings.brokerStore()));
            } else {
                say("AMQP broker (installed)  amqp://%s:%d", settings.externalBroker().get().getHost(),
                        settings.externalBroker().get().getPort());
            }
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

        ChildLaunch.Endpoints endpoints = endpoints();
        LocalSecrets secrets = LocalSecrets.loadOrCreate(settings.dataDir());
        // First instances (and the gateway) first; further copies once the first is UP: a service's first start on
        // an empty database creates its accounts and demo data, and two copies doing it at once collide (seen:
        // duplicate key on a demo account, the second copy failed). It also spreads the start-up CPU load.
        List<Instance> up = new ArrayList<>();
        for (List<Instance> wave : List.of(firstInstances(), furtherInstances())) {
            if (wave.isEmpty() || stopping) {
                continue;
            }
            for (Instance instance : wave) {
                AotCache.Plan plan = plans.get(instance.application());
                if (instance.number() > 1) {
                    plan = plan.withoutRecording();
                }
                List<String> flags = new ArrayList<>(plan.jvmFlags());
                flags.addAll(settings.extraJvmFlags(instance.application())); // last, so they override the defaults
                start(ChildLaunch.of(instance, settings.replicas(), settings.javaBinary(), plan.jar(), flags,
                        endpoints, secrets), plan);
            }
            up.addAll(awaitHealthy(wave));
        }
        if (stopping) {
            stopped.await();
            return 0;
        }
        Duration sinceLaunch = Duration.between(launchedAt(), Instant.now());
        if (up.size() == instances().size()) {
            say("");
            say("All %d applications are UP, %s after launch.", up.size(), seconds(sinceLaunch));
        } else {
            say("");
            say("✗ %d of %d applications are UP; see the logs of the others.", up.size(), instances().size());
        }
        if (settings.replicas() > 1) {
            say("  %d instances of each service, balanced by the gateway; one that dies is started again.",
                    settings.replicas());
        }
        say("  Gateway      http://localhost:%d", gatewayPort());
        say("  Swagger UI   http://localhost:%d/swagger-ui.html", gatewayPort());
        say("  Pages        http://localhost:%d/station/  (attendants: visit log, works offline)",
                gatewayPort());
        say("               http://localhost:%d/m/        (workers: join, e-card, nearest stations)",
                gatewayPort());
        say("               http://localhost:%d/check-in/{stationId}  (behind a station's printed QR code)",
                gatewayPort());
        say("  Logs         %s/", relative(settings.logsDir()));
        say("");
        say("Sign in (secrets kept in %s):", relative(settings.dataDir().resolve(LocalSecrets.FILE_NAME)));
        say("  administrator   admin / %s", secrets.adminPassword());
        DemoAccounts.ALL.forEach(account -> say("  %-15s %s / %s", account.role(), account.username(),
                secrets.demoPassword()));
        say("  curl -s -X POST http://localhost:%d/api/auth/token -H 'Content-Type: application/json' \\",
                gatewayPort());
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

    private int gatewayPort() {
        return new Instance(Application.GATEWAY, 1, settings.portOffset()).port();
    }

    private List<Instance> instances() {
        return Instance.all(settings.replicas(), settings.portOffset());
    }

    private List<Instance> firstInstances() {
        return instances().stream().filter(instance -> instance.number() == 1).toList();
    }

    private List<Instance> furtherInstances() {
        return instances().stream().filter(instance -> instance.number() > 1).toList();
    }

    private void start(ChildLaunch launch, AotCache.Plan plan) {
        Instance instance = launch.instance();
        Path log = logOf(instance);
        keepPreviousLog(log);
        ProcessBuilder builder = new ProcessBuilder(launch.command())
                .directory(settings.projectRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(launch.environment());
        SupervisedProcess child = new SupervisedProcess(builder::start, new SupervisedProcess.Events() {
            @Override
            public void restarted(Process exited, Process replacement, IOException failure) {
                reportRestart(instance, exited, replacement, failure);
            }

            @Override
            public void gaveUp(Process exited) {
                reportExit(instance, exited);
                say("✗ %s died %d times within a minute of starting: it is left down.", instance.name(),
                        Restarts.MAX_QUICK_DEATHS + 1);
            }
        }, restarter);
        try {
            Process process = child.start();
            children.put(instance, child);
            say("%-22s pid %-7d starting on port %d (%s)", instance.name(), process.pid(), instance.port(),
                    plan.description());
        } catch (IOException e) {
            say("✗ %s could not be started: %s", instance.name(), e.getMessage());
        }
    }

    /** Polls each child's health endpoint until it is UP, it dies, or the startup timeout passes. */
    private List<Instance> awaitHealthy(List<Instance> wave) throws InterruptedException {
        List<Instance> up = new ArrayList<>();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        List<Instance> waiting = new ArrayList<>(wave);
        waiting.retainAll(children.keySet());
        while (!waiting.isEmpty() && Instant.now().isBefore(deadline) && !stopping) {
            for (Instance instance : List.copyOf(waiting)) {
                Process process = children.get(instance).process();
                if (!process.isAlive()) {
                    waiting.remove(instance);
                } else if (health.isUp(instance.port())) {
                    waiting.remove(instance);
                    up.add(instance);
                    say("%-22s pid %-7d UP after %s", instance.name(), process.pid(),
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
        waiting.forEach(instance -> say("✗ %s is not UP after %d s; see %s", instance.name(),
                STARTUP_TIMEOUT.toSeconds(), relative(logOf(instance))));
        return up;
    }

    private void reportExit(Instance instance, Process exited) {
        say("");
        say("✗ %s (pid %d) STOPPED with exit code %d. Last lines of %s:", instance.name(), exited.pid(),
                exited.exitValue(), relative(logOf(instance)));
        LogTail.lastLines(logOf(instance), 15)
                .forEach(line -> say("    %s", line.length() > 240 ? line.substring(0, 240) + "…" : line));
    }

    /** Says that an instance died and was started again, then (in the background) when it is UP again. */
    private void reportRestart(Instance instance, Process exited, Process replacement, IOException failure) {
        reportExit(instance, exited);
        if (replacement == null) {
            say("✗ %s could not be started again: %s", instance.name(), failure.getMessage());
            return;
        }
        say("↻ %s started again: pid %d on port %d", instance.name(), replacement.pid(), instance.port());
        Instant restartedAt = Instant.now();
        Thread.ofVirtual().name("await-" + instance.name()).start(() -> {
            Instant deadline = restartedAt.plus(STARTUP_TIMEOUT);
            try {
                while (replacement.isAlive() && !stopping && Instant.now().isBefore(deadline)) {
                    if (health.isUp(instance.port())) {
                        say("%-22s pid %-7d UP again after %s", instance.name(), replacement.pid(),
                                seconds(Duration.between(restartedAt, Instant.now())));
                        return;
                    }
                    TimeUnit.MILLISECONDS.sleep(250);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private Path logOf(Instance instance) {
        return settings.logsDir().resolve(instance.name() + ".log");
    }

    /** Where the applications connect: the embedded servers or the installed broker, through a proxy's port if set. */
    private ChildLaunch.Endpoints endpoints() {
        String mongoUri = "mongodb://127.0.0.1:" + settings.servicesMongoPort();
        if (settings.externalBroker().isPresent()) {
            URI uri = settings.externalBroker().get();
            String[] user = uri.getRawUserInfo() == null ? new String[] {"guest", "guest"}
                    : uri.getRawUserInfo().split(":", 2);
            return new ChildLaunch.Endpoints(mongoUri, uri.getHost(),
                    settings.servicesBrokerPort().orElse(uri.getPort()),
                    URLDecoder.decode(user[0], StandardCharsets.UTF_8),
                    user.length > 1 ? URLDecoder.decode(user[1], StandardCharsets.UTF_8) : "", virtualHost(uri));
        }
        return new ChildLaunch.Endpoints(mongoUri, broker.host(), settings.servicesBrokerPort().orElse(broker.port()),
                broker.username(), broker.password(), "/");
    }

    /** amqp://host:port/name names the virtual host "name" (URL-encoded); no path is the default "/". */
    private static String virtualHost(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.length() <= 1 ? "/" : URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
    }

    /** The shutdown hook: children first (they flush to MongoDB and the broker), then the broker, then MongoDB. */
    void stop() {
        stopping = true;
        try {
            say("");
            boolean recording = plans.values().stream().anyMatch(AotCache.Plan::recording);
            Duration timeout = recording ? STOP_TIMEOUT_WHILE_RECORDING : STOP_TIMEOUT;
            say("Stopping %d applications…", children.size());
            Map<Instance, Process> running = new java.util.HashMap<>();
            children.forEach((instance, child) -> {
                Process process = child.stop();
                if (process != null) {
                    running.put(instance, process);
                }
            });
            restarter.shutdownNow();
            Instant deadline = Instant.now().plus(timeout);
            running.forEach((instance, process) -> {
                if (!awaitExit(process, deadline)) {
                    say("✗ %s did not stop within %d s: killing it", instance.name(), timeout.toSeconds());
                    process.destroyForcibly();
                    awaitExit(process, Instant.now().plusSeconds(5));
                    if (instance.number() == 1) {
                        aotCache.discardRecording(plans.get(instance.application()));
                    }
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
        if (settings.externalBroker().isEmpty()) {
            checkPort(problems, settings.brokerPort(), "the embedded AMQP broker (set LOCAL_BROKER_PORT to use another)");
        }
        instances().forEach(instance -> checkPort(problems, instance.port(), instance.name()));
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
