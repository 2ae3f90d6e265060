package org.unionplatform.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.unionplatform.testsupport.BrokerAddress;
import org.unionplatform.testsupport.TestInfrastructure;
import org.unionplatform.testsupport.http.HttpTestClient;

/**
 * The whole platform as it runs in production, started once per test JVM: the gateway and the four services
 * from their built jars, each its own process on free ports, against this run's MongoDB and broker (test-support
 * chooses them) with their own databases and bus names, and real secrets generated for this run. A journey
 * talks to {@link #gateway()} only, like a client, and may stop and restart one service to see the others cope.
 */
public final class PlatformUnderTest {

    public static final List<String> SERVICES =
            List.of("organization-service", "membership-service", "station-service", "benefits-service");
    public static final String GATEWAY = "gateway";
    /** E2E_STARTUP_TIMEOUT_SECONDS raises it on a machine shared by many builds (JVMs then take minutes to start). */
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(Long.parseLong(
            System.getenv().getOrDefault("E2E_STARTUP_TIMEOUT_SECONDS", "240")));

    /** Small heaps and C1 only: six JVMs share two cores during the build (same trade-off as ./run.sh). */
    static final List<String> JVM_FLAGS = List.of("-Xms64m", "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8");

    private static volatile PlatformUnderTest instance;

    private final Path projectRoot;
    private final Path logs;
    private final String runId = TestInfrastructure.runId();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();

    private PlatformUnderTest(Path projectRoot) {
        this.projectRoot = projectRoot;
        this.logs = projectRoot.resolve("end-to-end-tests").resolve("target").resolve("platform-logs");
        for (String application : applications()) {
            ports.put(application, freePort());
        }
        secrets.put("PLATFORM_AUTH_KEY_ENCRYPTION_KEY", randomKey());
        secrets.put("pii-key", randomKey());
        secrets.put("pii-lookup-key", randomKey());
        secrets.put("PLATFORM_AUTH_BOOTSTRAP_ADMIN_PASSWORD", "e2e-" + randomKey().substring(0, 16));
        for (String service : SERVICES) {
            secrets.put(service, "client-" + randomKey().substring(0, 20));
        }
    }

    /** Starts the platform on first use; it stops when the test JVM ends. */
    public static PlatformUnderTest get() {
        if (instance == null) {
            synchronized (PlatformUnderTest.class) {
                if (instance == null) {
                    PlatformUnderTest platform = new PlatformUnderTest(findProjectRoot());
                    try {
                        platform.startAll();
                    } catch (RuntimeException notUp) {
                        // Leave no process behind: the next test class would start a second platform beside it.
                        platform.stopAll();
                        throw notUp;
                    }
                    Runtime.getRuntime().addShutdownHook(new Thread(platform::stopAll, "platform-under-test-stop"));
                    instance = platform;
                }
            }
        }
        return instance;
    }

    public URI gateway() {
        return URI.create("http://127.0.0.1:" + ports.get(GATEWAY));
    }

    /** A service's own address, for the checks that must bypass the gateway (defence in depth). */
    public URI direct(String application) {
        return URI.create("http://127.0.0.1:" + ports.get(application));
    }

    /** Where an application's output goes (the development SMS sender writes its codes there). */
    public Path log(String application) {
        return logs.resolve(application + ".log");
    }

    public String adminPassword() {
        return secrets.get("PLATFORM_AUTH_BOOTSTRAP_ADMIN_PASSWORD");
    }

    public String busExchange() {
        return "union.events.e2e." + runId;
    }

    /** Stops one application the way an operator or a crash would (SIGTERM), and waits until it is gone. */
    public void stop(String application) {
        Process process = processes.remove(application);
        if (process != null) {
            process.destroy();
            awaitExit(process, Duration.ofSeconds(30));
        }
    }

    /** Starts a stopped application again on its port and waits until it is UP. */
    public void restart(String application) {
        start(application);
        awaitUp(List.of(application));
    }

    private void startAll() {
        System.out.printf("[end-to-end] starting the platform from its jars (%s); logs in %s%n",
                TestInfrastructure.describe(), projectRoot.relativize(logs));
        Instant started = Instant.now();
        createDirectories(logs);
        for (String application : applications()) {
            start(application);
        }
        awaitUp(applications());
        System.out.printf("[end-to-end] all %d applications UP after %d s (gateway %s)%n", applications().size(),
                Duration.between(started, Instant.now()).toSeconds(), gateway());
    }

    private void start(String application) {
        Path jar = projectRoot.resolve(application).resolve("target").resolve(application + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Missing " + projectRoot.relativize(jar)
                    + ": the end-to-end tests run after the applications are packaged (./mvnw verify does that).");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(projectRoot.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(application + ".log").toFile()));
        builder.environment().putAll(environment(application));
        try {
            processes.put(application, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + application, e);
        }
    }

    /** What each process is told: where everything is, this run's names and secrets. */
    Map<String, String> environment(String application) {
        BrokerAddress broker = TestInfrastructure.broker();
        String organization = "http://127.0.0.1:" + ports.get("organization-service");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(ports.get(application)));
        env.put("MONGODB_URI", TestInfrastructure.mongoUri());
        env.put("SPRING_MONGODB_DATABASE", "e2e_" + runId + "_" + application.replace('-', '_'));
        env.put("RABBITMQ_HOST", broker.host());
        env.put("RABBITMQ_PORT", Integer.toString(broker.port()));
        env.put("RABBITMQ_USERNAME", broker.username());
        env.put("RABBITMQ_PASSWORD", broker.password());
        env.put("RABBITMQ_VHOST", broker.virtualHost());
        env.put("PLATFORM_BUS_EXCHANGE", busExchange());
        env.put("PLATFORM_BUS_QUEUE_PREFIX", "e2e." + runId + ".");
        env.put("PLATFORM_BUS_DELETE_TOPOLOGY_ON_SHUTDOWN", "true");
        // One key set for the run, so a restarted service still reads what it stored before.
        env.put("PLATFORM_PII_KEYS_E2E", secrets.get("pii-key"));
        env.put("PLATFORM_PII_ACTIVE_KEY_ID", "e2e");
        env.put("PLATFORM_PII_LOOKUP_KEY", secrets.get("pii-lookup-key"));
        env.put("PLATFORM_SECURITY_JWKS_URI", organization + "/api/auth/jwks");
        env.put("PLATFORM_SECURITY_TOKEN_URI", organization + "/api/auth/oauth/token");
        for (String service : SERVICES) {
            String variable = service.toUpperCase().replace('-', '_');
            env.put(variable + "_URI", "http://127.0.0.1:" + ports.get(service));
            env.put("PLATFORM_AUTH_SERVICE_CLIENTS_" + variable, secrets.get(service));
        }
        if (SERVICES.contains(application)) {
            env.put("PLATFORM_SECURITY_CLIENT_SECRET", secrets.get(application));
        }
        if (application.equals("membership-service")) {
            // A help case left filed escalates within a minute, so a journey sees an overdue step escalate.
            env.put("SPRING_APPLICATION_JSON",
                    "{\"membership\":{\"help\":{\"deadlines\":{\"FILED\":\"45s\"},\"overdue-check-interval\":\"2s\"}}}");
        }
        // Every journey is one client address (127.0.0.1): widen the per-client limits so journeys do not throttle
        // each other. The limits themselves are proven in the gateway's RateLimitIT.
        env.put("PLATFORM_GATEWAY_RATE_LIMIT_NORMAL_REPLENISH_RATE", "2000");
        env.put("PLATFORM_GATEWAY_RATE_LIMIT_NORMAL_BURST_CAPACITY", "4000");
        env.put("PLATFORM_GATEWAY_RATE_LIMIT_STRICT_REPLENISH_RATE", "100");
        env.put("PLATFORM_GATEWAY_RATE_LIMIT_STRICT_BURST_CAPACITY", "600");
        env.put("PLATFORM_AUTH_KEY_ENCRYPTION_KEY", secrets.get("PLATFORM_AUTH_KEY_ENCRYPTION_KEY"));
        env.put("PLATFORM_AUTH_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("PLATFORM_AUTH_BOOTSTRAP_ADMIN_PASSWORD", adminPassword());
        return env;
    }

    private void awaitUp(List<String> applications) {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        List<String> waiting = new ArrayList<>(applications);
        while (!waiting.isEmpty()) {
            for (String application : List.copyOf(waiting)) {
                Process process = processes.get(application);
                if (process == null || !process.isAlive()) {
                    throw new IllegalStateException(application + " exited during start-up; see "
                            + projectRoot.relativize(logs.resolve(application + ".log")));
                }
                if (isUp(application)) {
                    waiting.remove(application);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(waiting + " not UP after " + STARTUP_TIMEOUT.toSeconds() + " s; see "
                        + projectRoot.relativize(logs));
            }
            sleep(Duration.ofMillis(300));
        }
    }

    private boolean isUp(String application) {
        try {
            return HttpTestClient.local(ports.get(application)).timeout(Duration.ofSeconds(2))
                    .get("/actuator/health/readiness", null).status() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** SIGTERM to all (graceful: they delete this run's bus names), then drop this run's databases. */
    private void stopAll() {
        processes.values().forEach(Process::destroy);
        processes.values().forEach(process -> awaitExit(process, Duration.ofSeconds(30)));
        deleteBusExchange();
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri())) {
            applications().forEach(application ->
                    client.getDatabase("e2e_" + runId + "_" + application.replace('-', '_')).drop());
        } catch (RuntimeException e) {
            System.err.println("[end-to-end] could not drop this run's databases: " + e.getMessage());
        }
    }

    /** Connections to the broker this JVM's tests use (the caller destroys them). */
    static CachingConnectionFactory brokerConnections() {
        BrokerAddress broker = TestInfrastructure.broker();
        CachingConnectionFactory connections = new CachingConnectionFactory(broker.host(), broker.port());
        connections.setUsername(broker.username());
        connections.setPassword(broker.password());
        connections.setVirtualHost(broker.virtualHost());
        return connections;
    }

    /**
     * Each service deletes its own queues when it stops, and the shared exchange only once no queue is bound to it
     * (so stopping one service leaves the others' bindings alone). Stopping all at once can leave it behind: the
     * last word is here, as the shared broker must keep nothing of this run.
     */
    private void deleteBusExchange() {
        CachingConnectionFactory connections = brokerConnections();
        try {
            new RabbitAdmin(connections).deleteExchange(busExchange());
        } catch (RuntimeException e) {
            System.err.println("[end-to-end] could not delete this run's exchange: " + e.getMessage());
        } finally {
            connections.destroy();
        }
    }

    private static List<String> applications() {
        List<String> all = new ArrayList<>(SERVICES);
        all.add(GATEWAY);
        return all;
    }

    private static void awaitExit(Process process, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Path findProjectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the project root (the folder with mvnw)");
        }
        return dir;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
