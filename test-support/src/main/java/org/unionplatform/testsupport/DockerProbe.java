package org.unionplatform.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.testcontainers.DockerClientFactory;

/**
 * Asks Testcontainers whether a Docker engine answers, but only when there is a sign of one: asking
 * on a machine without Docker costs seconds and logs a page of errors.
 */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean dockerAnswers(Map<String, String> env) {
        if (!anySignOfDocker(env)) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static boolean anySignOfDocker(Map<String, String> env) {
        if (env.containsKey("DOCKER_HOST") || env.containsKey("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE")) {
            return true;
        }
        Path home = Path.of(System.getProperty("user.home"));
        List<Path> candidates = List.of(
                Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".testcontainers.properties"));
        return candidates.stream().anyMatch(Files::exists) || rootlessSocketExists();
    }

    /** Rootless Docker and Podman put their socket under /run/user/<uid>/. */
    private static boolean rootlessSocketExists() {
        Path runUser = Path.of("/run/user");
        if (!Files.isDirectory(runUser)) {
            return false;
        }
        try (Stream<Path> users = Files.list(runUser)) {
            return users.anyMatch(dir -> Files.exists(dir.resolve("docker.sock"))
                    || Files.exists(dir.resolve("podman/podman.sock")));
        } catch (IOException e) {
            return false;
        }
    }
}
