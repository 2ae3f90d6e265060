package org.unionplatform.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;

/**
 * An AMQP 0-9-1 broker in this JVM (Apache Qpid Broker-J), for machines without RabbitMQ.
 * <p>
 * One virtual host that is also the default one, so clients connecting to RabbitMQ's default virtual host
 * {@code /} (Spring AMQP's default) land on it. {@link #start} keeps it in memory (tests: nothing survives a stop);
 * {@link #startPersistent} keeps it in an Apache Derby store in a folder (Qpid's own Derby store plugin), so durable
 * queues, their bindings and their persistent messages survive a stop and a start on the same folder.
 * Unlike RabbitMQ it rejects queue arguments such as {@code x-dead-letter-exchange} or
 * {@code x-queue-type}: callers must make those configurable.
 * <p>
 * Over 200 lines on purpose: the broker's initial configuration is written out in full, not hidden in a
 * resource.
 */
public final class EmbeddedAmqpBroker implements AutoCloseable {

    public static final String USERNAME = "guest";
    public static final String PASSWORD = "guest";
    public static final String VIRTUAL_HOST = "/";

    private final SystemLauncher launcher;
    private final Path workDir;
    private final String host;
    private final int port;
    private boolean closed;

    private EmbeddedAmqpBroker(SystemLauncher launcher, Path workDir, String host, int port) {
        this.launcher = launcher;
        this.workDir = workDir;
        this.host = host;
        this.port = port;
    }

    /** Starts an in-memory broker listening on {@code host:port}; {@code port} 0 picks a free port. */
    public static EmbeddedAmqpBroker start(String host, int port) {
        return start(host, port, null);
    }

    /**
     * Starts a broker whose virtual host lives in {@code storeDir} (created if missing): what a previous broker on
     * that folder held (durable queues, bindings, unconsumed persistent messages) is there again.
     */
    public static EmbeddedAmqpBroker startPersistent(String host, int port, Path storeDir) {
        try {
            Files.createDirectories(storeDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the broker's store folder " + storeDir, e);
        }
        configureDerby(storeDir.toAbsolutePath());
        return start(host, port, storeDir.toAbsolutePath());
    }

    /** Derby's own log goes into the store folder, not the working directory (JVM-wide, kept if already set). */
    private static void configureDerby(Path storeDir) {
        setIfAbsent("derby.stream.error.file", storeDir.resolve("derby.log").toString());
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static EmbeddedAmqpBroker start(String host, int port, Path storeDir) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
        Path workDir = createWorkDir();
        AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> systemConfig) {
                system.set(systemConfig);
            }
        });
        try {
            launcher.startup(systemAttributes(workDir, host, port, storeDir));
            removeQpidShutdownHook(system.get());
            return new EmbeddedAmqpBroker(launcher, workDir, host, boundPort(system.get(), host, port));
        } catch (Exception e) {
            launcher.shutdown();
            deleteRecursively(workDir);
            throw e instanceof IllegalStateException ise ? ise
                    : new IllegalStateException("Cannot start the embedded AMQP broker on " + host + ":" + port, e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public String virtualHost() {
        return VIRTUAL_HOST;
    }

    /**
     * Closes client connections and stops the broker; queued messages are gone unless it is persistent (the store
     * folder stays). Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            launcher.shutdown();
        } catch (IllegalStateException alreadyStopped) {
            // Qpid refuses to close twice (its task executor is gone); stopped is what we wanted.
        } finally {
            deleteRecursively(workDir);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedAmqpBroker[" + host + ":" + port + "]";
    }

    private static Map<String, Object> systemAttributes(Path workDir, String host, int port, Path storeDir) {
        Map<String, Object> context = new HashMap<>();
        context.put("qpid.work_dir", workDir.toString());
        context.put("QPID_WORK", workDir.toString());
        // The network buffer pool is direct memory; RabbitMQ-sized traffic needs far less than the default.
        context.put("qpid.broker.directByteBufferPoolSize", "64");

        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("initialConfigurationLocation", writeFile(workDir, "initial-config.json",
                initialConfig(host, port, storeDir)));
        // The default ("classpath:system.properties") cannot be opened from inside a Spring Boot fat jar.
        attributes.put("initialSystemPropertiesLocation", writeFile(workDir, "system.properties", ""));
        attributes.put("preferenceStoreAttributes", "{\"type\": \"Noop\"}");
        attributes.put("context", context);
        return attributes;
    }

    /**
     * Broker model: a Plain provider with one managed user (PLAIN allowed without TLS, as RabbitMQ does
     * and as Spring AMQP expects), an AMQP 0-9-1 port on {@code host} whose
     * default-alias maps any unknown or empty virtual host name (so RabbitMQ's "/") to the only node. The broker's
     * own model is rebuilt from this at every start; a persistent node finds its virtual host (its queues and
     * messages) in its store and ignores the initial configuration.
     */
    static String initialConfig(String host, int port, Path storeDir) {
        if (!host.matches("[A-Za-z0-9.:\\-]+")) {
            throw new IllegalArgumentException("Not a host name or address: " + host);
        }
        return """
                {
                  "name": "embedded-broker",
                  "modelVersion": "8.0",
                  "authenticationproviders": [ {
                    "name": "plain", "type": "Plain", "secureOnlyMechanisms": [],
                    "users": [ { "name": "%s", "type": "managed", "password": "%s" } ]
                  } ],
                  "ports": [ {
                    "name": "AMQP", "type": "AMQP", "port": %d, "bindingAddress": "%s",
                    "protocols": [ "AMQP_0_9_1" ],
                    "authenticationProvider": "plain",
                    "virtualhostaliases": [
                      { "name": "nameAlias", "type": "nameAlias" },
                      { "name": "defaultAlias", "type": "defaultAlias" }
                    ]
                  } ],
                  "virtualhostnodes": [ %s ]
                }
                """.formatted(USERNAME, PASSWORD, port, host, virtualHostNode(storeDir));
    }

    private static String virtualHostNode(Path storeDir) {
        if (storeDir == null) {
            return """
                    {
                      "name": "default", "type": "Memory", "defaultVirtualHostNode": "true",
                      "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\"}"
                    }""";
        }
        // One Derby database for the node's configuration and the virtual host's messages (ProvidedStore).
        String path = storeDir.toString().replace("\\", "/");
        if (path.contains("\"")) {
            throw new IllegalArgumentException("Not a usable store folder: " + storeDir);
        }
        return """
                {
                  "name": "default", "type": "DERBY", "defaultVirtualHostNode": "true", "storePath": "%s",
                  "virtualHostInitialConfiguration": "{\\"type\\": \\"ProvidedStore\\"}"
                }""".formatted(path);
    }

    /** Qpid starts even when its port cannot be bound (the port object is then in error): check. */
    private static int boundPort(SystemConfig<?> system, String host, int requested) {
        Broker<?> broker = system.getContainer(Broker.class);
        return broker.getPorts().stream()
                .filter(p -> "AMQP".equals(p.getName()))
                .mapToInt(Port::getBoundPort)
                .filter(p -> p > 0)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The embedded AMQP broker cannot listen on "
                        + host + ":" + requested + " (is the port in use?)"));
    }

    /**
     * Qpid's broker registers its own JVM shutdown hook, which would stop it at Ctrl-C while the
     * applications using it are still shutting down. Whoever owns this object closes it, in order.
     */
    private static void removeQpidShutdownHook(SystemConfig<?> system) {
        Object broker = system.getContainer(Broker.class);
        for (Class<?> type = broker.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField("_shutdownHook");
                field.setAccessible(true);
                if (field.get(broker) instanceof Thread hook) {
                    Runtime.getRuntime().removeShutdownHook(hook);
                }
                return;
            } catch (NoSuchFieldException e) {
                // Declared further up.
            } catch (ReflectiveOperationException | RuntimeException e) {
                return; // A newer Qpid: keep its hook; close() tolerates a broker already stopped.
            }
        }
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("embedded-amqp-broker");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a work folder for the embedded AMQP broker", e);
        }
    }

    private static String writeFile(Path dir, String name, String content) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file.toUri().toString();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the broker itself is stopped.
        }
    }
}
