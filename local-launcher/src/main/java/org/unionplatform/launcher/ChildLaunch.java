package org.unionplatform.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How one application is started as a child JVM: the command line and the environment.
 * <p>
 * The flags trade peak speed for a small footprint and a fast start, which is what a laptop
 * running six JVMs wants: C1 only, the serial collector, bounded heap, stacks and code cache.
 */
record ChildLaunch(Instance instance, List<String> command, Map<String, String> environment) {

    static final List<String> JVM_FLAGS = List.of(
            "-Xms64m",
            "-Xmx256m",
            "-Xss512k",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:MaxMetaspaceSize=192m",
            "-XX:MaxDirectMemorySize=64m",
            "-Duser.timezone=Asia/Shanghai",
            "-Dfile.encoding=UTF-8",
            "-Djava.awt.headless=true");

    static ChildLaunch of(Instance instance, int replicas, Path javaBinary, Path jar, List<String> extraJvmFlags,
            Endpoints endpoints, LocalSecrets secrets) {
        Application application = instance.application();
        List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(JVM_FLAGS);
        command.addAll(extraJvmFlags);
        command.add("-jar");
        command.add(jar.toString());

        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(instance.port()));
        env.put("MONGODB_URI", endpoints.mongoUri());
        env.put("RABBITMQ_HOST", endpoints.brokerHost());
        env.put("RABBITMQ_PORT", Integer.toString(endpoints.brokerPort()));
        env.put("RABBITMQ_USERNAME", endpoints.brokerUsername());
        env.put("RABBITMQ_PASSWORD", endpoints.brokerPassword());
        env.put("RABBITMQ_VHOST", endpoints.brokerVirtualHost());
        // Every instance of every service: the gateway balances over them, and the services' clients of each other
        // (dispatch, eligibility, cards) start at the next in turn and move on when one cannot be reached.
        int offset = instance.portOffset();
        Application.SERVICES.forEach(service -> env.put(service.uriVariable(), Instance.urls(service, replicas, offset)));
        // Where tokens come from and are checked (organization-service finds its own keys itself), and the address
        // printed on station QR codes: the defaults assume the usual ports. The services take every instance of the
        // issuer; the gateway's key fetch takes one address, the first instance.
        if (application.isGateway()) {
            env.put("PLATFORM_SECURITY_JWKS_URI",
                    new Instance(Application.ORGANIZATION, 1, offset).localUrl() + "/api/auth/jwks");
        } else if (!application.equals(Application.ORGANIZATION)) {
            env.put("PLATFORM_SECURITY_JWKS_URI", issuerEndpoints(replicas, offset, "/api/auth/jwks"));
            env.put("PLATFORM_SECURITY_TOKEN_URI", issuerEndpoints(replicas, offset, "/api/auth/oauth/token"));
        }
        env.put("PLATFORM_STATION_CHECK_IN_BASE_URL",
                new Instance(Application.GATEWAY, 1, offset).localUrl() + "/check-in/");
        env.putAll(secrets.environment(application));
        return new ChildLaunch(instance, List.copyOf(command), Map.copyOf(env));
    }

    /** {@code path} at every instance of organization-service, comma separated. */
    private static String issuerEndpoints(int replicas, int offset, String path) {
        return Arrays.stream(Instance.urls(Application.ORGANIZATION, replicas, offset).split(","))
                .map(url -> url + path).collect(Collectors.joining(","));
    }

    /** Where the children find the embedded MongoDB and broker. */
    record Endpoints(String mongoUri, String brokerHost, int brokerPort, String brokerUsername, String brokerPassword,
            String brokerVirtualHost) {
    }
}
