package org.unionplatform.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the launcher needs to know, from the environment: where the project is (the working
 * directory, which run.sh sets), where data and logs go, the ports of the embedded servers
 * ({@code LOCAL_MONGO_PORT}, {@code LOCAL_BROKER_PORT}), whether to record AOT caches ({@code LOCAL_AOT=true};
 * see {@link AotCache}) and JVM flags added after the children's small-footprint defaults
 * ({@code LOCAL_JVM_FLAGS}, e.g. {@code "-XX:TieredStopAtLevel=4 -Xmx512m"} for a throughput measurement), then
 * flags for one application only ({@code LOCAL_JVM_FLAGS_GATEWAY}, {@code LOCAL_JVM_FLAGS_STATION_SERVICE}, ...).
 */
record LauncherSettings(Path projectRoot, Path dataDir, int mongoPort, int brokerPort, Path javaBinary,
        boolean aotEnabled, List<String> extraJvmFlags, Map<String, List<String>> applicationJvmFlags) {

    static final int DEFAULT_MONGO_PORT = 27117;
    static final int DEFAULT_BROKER_PORT = 5673;

    static LauncherSettings from(Map<String, String> env, Path workingDir, Path javaHome) {
        Path root = workingDir.toAbsolutePath().normalize();
        return new LauncherSettings(root, root.resolve("data"),
                port(env, "LOCAL_MONGO_PORT", DEFAULT_MONGO_PORT),
                port(env, "LOCAL_BROKER_PORT", DEFAULT_BROKER_PORT),
                javaHome.resolve("bin").resolve("java"),
                "true".equalsIgnoreCase(env.getOrDefault("LOCAL_AOT", "false").trim()),
                flags(env.getOrDefault("LOCAL_JVM_FLAGS", "")),
                Application.ALL.stream().collect(Collectors.toUnmodifiableMap(Application::module,
                        application -> flags(env.getOrDefault("LOCAL_JVM_FLAGS_" + application.variablePrefix(), "")))));
    }

    /** The flags added after an application's defaults: the common ones, then its own (last wins). */
    List<String> extraJvmFlags(Application application) {
        List<String> flags = new ArrayList<>(extraJvmFlags);
        flags.addAll(applicationJvmFlags.getOrDefault(application.module(), List.of()));
        return List.copyOf(flags);
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
