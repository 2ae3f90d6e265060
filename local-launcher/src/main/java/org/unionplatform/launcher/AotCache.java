package org.unionplatform.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Faster starts with the JDK's ahead-of-time cache (JDK 25+, JEP 483/514): a Spring Boot service
 * measured 4.8 s from its fat jar, 3.0 s extracted, 1.3-2.2 s extracted with a cache.
 * <p>
 * The cache works only with plain jars on the class path, so each application's jar is first
 * extracted (Spring Boot's {@code -Djarmode=tools extract}) under {@code data/aot/<module>/}. The
 * first run after a build records which classes the application uses (written when it stops);
 * the launcher then assembles the caches, after MongoDB and the broker are safely stopped, and
 * later runs use them. The JDK's one-step {@code -XX:AOTCacheOutput} was tried first: five JVMs
 * assembling at once on 2 cores took over 90 s at Ctrl-C. Recording is opt-in ({@code LOCAL_AOT=true}):
 * on a saturated machine five JVMs writing ~90 MB each at exit did not finish within 45 s, which
 * makes Ctrl-C slow. A new build, another JDK or a cache the JVM rejects only cost the speed-up:
 * the JVM starts without it.
 */
final class AotCache {

    static final int MIN_FEATURE_VERSION = 25;

    private final Path root;
    private final Path javaBinary;
    private final String javaVersion;

    AotCache(Path root, Path javaBinary, String javaVersion) {
        this.root = root;
        this.javaBinary = javaBinary;
        this.javaVersion = javaVersion;
    }

    static boolean supported(Runtime.Version version) {
        return version.feature() >= MIN_FEATURE_VERSION;
    }

    /**
     * What to run for {@code application}: the extracted jar (faster on its own), with its cache when
     * one exists, recording for one when {@code record}; the fat jar as is when extracting fails.
     */
    Plan prepare(Application application, Path fatJar, boolean record) {
        Path dir = root.resolve(application.module());
        Path extractedJar = dir.resolve("app").resolve(fatJar.getFileName());
        try {
            if (isStale(extractedJar, fatJar)) {
                deleteRecursively(dir);
                Files.createDirectories(dir);
                extract(fatJar, dir.resolve("app"));
            }
        } catch (IOException | RuntimeException e) {
            return new Plan(fatJar, List.of(), null, "fat jar (extracting failed: " + e.getMessage() + ")");
        }
        Path cache = cacheFile(application);
        if (Files.isRegularFile(cache)) {
            return new Plan(extractedJar, List.of("-XX:AOTCache=" + cache), cache, "AOT cache");
        }
        if (!record) {
            return new Plan(extractedJar, List.of(), null, "extracted jar");
        }
        return new Plan(extractedJar, List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + configurationFile(cache)),
                cache, "recording for an AOT cache");
    }

    /**
     * Builds the cache from what a recording run wrote at exit; written under a temporary name and
     * renamed, so an interrupted assembly never leaves a cache that looks complete.
     */
    boolean assemble(Plan plan, List<String> jvmFlags) throws InterruptedException {
        Path configuration = configurationFile(plan.cache());
        if (!plan.recording() || !Files.isRegularFile(configuration)) {
            return false;
        }
        Path partial = plan.cache().resolveSibling(plan.cache().getFileName() + ".partial");
        List<String> command = new java.util.ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration,
                "-XX:AOTCache=" + partial, "-cp", plan.jar().toString()));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(partial)) {
                return false;
            }
            Files.move(partial, plan.cache(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            deleteQuietly(partial);
            deleteQuietly(configuration);
        }
    }

    /** A recording cut short (the process was killed) leaves a configuration not worth assembling. */
    void discardRecording(Plan plan) {
        if (plan.cache() != null && plan.recording()) {
            deleteQuietly(configurationFile(plan.cache()));
        }
    }

    private static Path configurationFile(Path cache) {
        return cache.resolveSibling(cache.getFileName() + "conf");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left behind: the next recording overwrites it.
        }
    }

    Path cacheFile(Application application) {
        String jdk = javaVersion.replaceAll("[^0-9A-Za-z.]", "_");
        return root.resolve(application.module()).resolve(application.module() + "-jdk" + jdk + ".aot");
    }

    private static boolean isStale(Path extractedJar, Path fatJar) throws IOException {
        return !Files.isRegularFile(extractedJar)
                || Files.getLastModifiedTime(extractedJar).compareTo(Files.getLastModifiedTime(fatJar)) < 0;
    }

    private void extract(Path fatJar, Path destination) throws IOException {
        Process process = new ProcessBuilder(javaBinary.toString(), "-Djarmode=tools", "-jar", fatJar.toString(),
                "extract", "--destination", destination.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("java -Djarmode=tools extract failed for " + fatJar.getFileName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        // The extracted jar carries the fat jar's build time; touch it so staleness compares run times.
        Files.setLastModifiedTime(destination.resolve(fatJar.getFileName()),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How one application is started: which jar, which extra JVM flags, and for the console, why. */
    record Plan(Path jar, List<String> jvmFlags, Path cache, String description) {

        boolean recording() {
            return jvmFlags.contains("-XX:AOTMode=record");
        }

        /** For a second copy of an application: the first one records, both would write the same file. */
        Plan withoutRecording() {
            return recording() ? new Plan(jar, List.of(), null, "extracted jar") : this;
        }
    }
}
