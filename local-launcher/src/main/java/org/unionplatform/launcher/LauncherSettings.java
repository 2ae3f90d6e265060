package org.unionplatform.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * What the launcher needs to know, from the environment: where the project is (the working
 * directory, which run.sh sets), where data and logs go, the ports of the embedded servers
 * ({@code LOCAL_MONGO_PORT}, {@code LOCAL_BROKER_PORT}), whether to record AOT caches ({@code LOCAL_AOT=true};
 * see {@link AotCache}) and JVM flags added after the children's small-footprint defaults
 * ({@code LOCAL_JVM_FLAGS}, e.g. {@code "-XX:TieredStopAtLevel=4 -Xmx512m"} for a throughput measurement) and how
 * many instances of each domain service to run ({@code --replicas N} or {@code LOCAL_REPLICAS=N}, 1 to
 * {@value Instance#MAX_REPLICAS}; the flag wins; see {@link Instance} for their ports) and how far to move every
 * application's port ({@code LOCAL_PORT_OFFSET}, 0 to 1000, to run beside another platform). Flags for one
 * application only follow the common ones ({@code LOCAL_JVM_FLAGS_GATEWAY}, {@code LOCAL_JVM_FLAGS_STATION_SERVICE}, ...).
 * <p>
 * {@code LOCAL_BROKER_URI} (e.g. {@code amqp://guest:guest@127.0.0.1:5672/vhost}; no path: the vhost "/") uses an
 * installed RabbitMQ instead of the embedded broker. {@code LOCAL_SERVICES_MONGO_PORT} and
 * {@code LOCAL_SERVICES_BROKER_PORT} are the ports the applications connect to (default: the servers' own): the fault
 * suite (bench/faults.sh) puts a TCP proxy there to cut the connections.
 */
record LauncherSettings(Path projectRoot, Path dataDir, int mongoPort, int brokerPort, Path javaBinary,
        boolean aotEnabled, List<String> extraJvmFlags, int replicas, int portOffset, Optional<URI> externalBroker,
        int servicesMongoPort, OptionalInt servicesBrokerPort, Map<String, List<String>> applicationJvmFlags) {

    static final String REPLICAS_FLAG = "--replicas";

    static final int DEFAULT_MONGO_PORT = 27117;
    static final int DEFAULT_BROKER_PORT = 5673;

    static LauncherSettings from(Map<String, String> env, Path workingDir, Path javaHome) {
        return from(env, List.of(), workingDir, javaHome);
    }

    static LauncherSettings from(Map<String, String> env, List<String> args, Path workingDir, Path javaHome) {
        Path root = workingDir.toAbsolutePath().normalize();
        int mongoPort = port(env, "LOCAL_MONGO_PORT", DEFAULT_MONGO_PORT);
        String brokerPort = env.get("LOCAL_SERVICES_BROKER_PORT");
        return new LauncherSettings(root, root.resolve("data"),
                mongoPort,
                port(env, "LOCAL_BROKER_PORT", DEFAULT_BROKER_PORT),
                javaHome.resolve("bin").resolve("java"),
                "true".equalsIgnoreCase(env.getOrDefault("LOCAL_AOT", "false").trim()),
                flags(env.getOrDefault("LOCAL_JVM_FLAGS", "")),
                replicas(args, env),
                portOffset(env),
                broker(env.get("LOCAL_BROKER_URI")),
                port(env, "LOCAL_SERVICES_MONGO_PORT", mongoPort),
                brokerPort == null || brokerPort.isBlank() ? OptionalInt.empty()
                        : OptionalInt.of(port(env, "LOCAL_SERVICES_BROKER_PORT", 0)),
                Application.ALL.stream().collect(Collectors.toUnmodifiableMap(Application::module,
                        application -> flags(env.getOrDefault("LOCAL_JVM_FLAGS_" + application.variablePrefix(), "")))));
    }

    /** The flags added after an application's defaults: the common ones, then its own (last wins). */
    List<String> extraJvmFlags(Application application) {
        List<String> flags = new ArrayList<>(extraJvmFlags);
        flags.addAll(applicationJvmFlags.getOrDefault(application.module(), List.of()));
        return List.copyOf(flags);
    }

    private static int portOffset(Map<String, String> env) {
        String value = env.getOrDefault("LOCAL_PORT_OFFSET", "0").trim();
        try {
            int offset = value.isEmpty() ? 0 : Integer.parseInt(value);
            if (offset >= 0 && offset <= 1000) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("LOCAL_PORT_OFFSET must be a number from 0 to 1000, not '" + value + "'");
    }

    /** {@code --replicas 2} or {@code --replicas=2}, else {@code LOCAL_REPLICAS}, else 1. */
    private static int replicas(List<String> args, Map<String, String> env) {
        String name = "LOCAL_REPLICAS";
        String value = env.get(name);
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(REPLICAS_FLAG)) {
                name = REPLICAS_FLAG;
                value = i + 1 < args.size() ? args.get(i + 1) : "";
            } else if (args.get(i).startsWith(REPLICAS_FLAG + "=")) {
                name = REPLICAS_FLAG;
                value = args.get(i).substring(REPLICAS_FLAG.length() + 1);
            }
        }
        if (value == null || (value.isBlank() && name.equals("LOCAL_REPLICAS"))) {
            return 1;
        }
        try {
            int replicas = Integer.parseInt(value.trim());
            if (replicas >= 1 && replicas <= Instance.MAX_REPLICAS) {
                return replicas;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(name + " must be a number of instances from 1 to " + Instance.MAX_REPLICAS
                + ", not '" + value + "'");
    }

    private static Optional<URI> broker(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.trim());
            if (!"amqp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
                throw new URISyntaxException(value, "not amqp://user:password@host:port");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "LOCAL_BROKER_URI must look like amqp://user:password@host:port, not '" + value + "'");
        }
    }

    private static List<String> flags(String value) {
        return Arrays.stream(value.trim().split("\\s+")).filter(flag -> !flag.isEmpty()).toList();
    }

    Path logsDir() {
        return dataDir.resolve("logs");
    }

    Path mongoFile() {
        return dataDir.resolve("mongo").resolve("union-platform.mv");
    }

    /** The embedded broker's virtual host (Derby): unconsumed events survive a restart. */
    Path brokerStore() {
        return dataDir.resolve("broker");
    }

    Path aotDir() {
        return dataDir.resolve("aot");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), not '" + value + "'");
        }
    }
}
