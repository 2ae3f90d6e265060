package org.unionplatform.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * run.sh starts the launcher from its own copy under data/launcher, so rebuilding the launcher's jar in the
 * checkout while the platform runs (./mvnw verify) cannot break the running launcher. The test runs the real run.sh
 * in a scratch project whose jars are stand-ins; the launcher's stand-in loads a class after its jar in target/
 * was overwritten in place.
 */
class LauncherCopyTest {

    private static final List<String> MODULES = List.of("local-launcher", "gateway", "organization-service",
            "membership-service", "station-service", "benefits-service");

    @Test
    void theLauncherKeepsRunningWhenItsJarIsRebuiltUnderIt(@TempDir Path project) throws Exception {
        Files.copy(Path.of("..", "run.sh"), project.resolve("run.sh"));
        for (String module : MODULES) {
            Path jar = project.resolve(module).resolve("target").resolve(module + ".jar");
            Files.createDirectories(jar.getParent());
            if (module.equals("local-launcher")) {
                writeProbeJar(jar);
            } else {
                Files.writeString(jar, "a stand-in: run.sh only checks that it exists");
            }
        }

        Process runSh = new ProcessBuilder("bash", "run.sh")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(runSh.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String running = readUntil(output, "running from", lines);
        assertThat(running).as("run.sh's output: %s", lines)
                .endsWith("/data/launcher/local-launcher.jar");

        overwriteInPlace(project.resolve("local-launcher/target/local-launcher.jar"));
        try (OutputStream input = runSh.getOutputStream()) {
            input.write("go on\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(readUntil(output, "still running", lines)).as("run.sh's output: %s", lines)
                .isEqualTo("still running: loaded after the rebuild");
        assertThat(runSh.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(runSh.exitValue()).isZero();
    }

    private static String readUntil(BufferedReader output, String prefix, List<String> lines) throws IOException {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            lines.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        return "(run.sh ended without '" + prefix + "')";
    }

    /** As a rebuild does: the same file, new bytes (here garbage of the same length). */
    private static void overwriteInPlace(Path jar) throws IOException {
        byte[] garbage = new byte[(int) Files.size(jar)];
        new Random(16).nextBytes(garbage);
        Files.write(jar, garbage, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void writeProbeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherCopyProbe.class.getName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Class<?> type : List.of(LauncherCopyProbe.class, LauncherCopyProbeLater.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream bytes = type.getClassLoader().getResourceAsStream(entry)) {
                    bytes.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }
}
