package org.unionplatform.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one application is started as a child JVM: the command line and the environment.
 * <p>
 * The flags trade peak speed for a small footprint and a fast start, which is what a laptop
 * running six JVMs wants: C1 only, the serial collector, bounded heap, stacks and code cache.
 */
record ChildLaunch(Application application, List<String> command, Map<String, String> environment) {

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

    static ChildLaunch of(Application application, Path javaBinary, Path jar, List<String> extraJvmFlags,
            Endpoints endpoints, LocalSecrets secrets) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(JVM_FLAGS);
        command.addAll(extraJvmFlags);
        command.add("-jar");
        command.add(jar.toString());

        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(application.port()));
        env.put("MONGODB_URI", endpoints.mongoUri());
        env.put("RABBITMQ_HOST", endpoints.brokerHost());
        env.put("RABBITMQ_PORT", Integer.toString(endpoints.brokerPort()));
        env.put("RABBITMQ_USERNAME", endpoints.brokerUsername());
        env.put("RABBITMQ_PASSWORD", endpoints.brokerPassword());
        env.put("RABBITMQ_VHOST", endpoints.brokerVirtualHost());
        // The gateway routes to every service; the services ask each other (dispatch, eligibility, cards).
        Application.SERVICES.forEach(service -> env.put(service.uriVariable(), service.localUrl()));
        env.putAll(secrets.environment(application));
        return new ChildLaunch(application, List.copyOf(command), Map.copyOf(env));
    }

    /** Where the children find the embedded MongoDB and broker. */
    record Endpoints(String mongoUri, String brokerHost, int brokerPort, String brokerUsername, String brokerPassword,
            String brokerVirtualHost) {
    }
}
