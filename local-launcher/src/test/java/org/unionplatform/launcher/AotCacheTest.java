package org.unionplatform.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AotCacheTest {

    @TempDir
    Path dir;

    private Path fatJar;
    private AotCache aot;

    @BeforeEach
    void setUp() throws IOException {
        fatJar = Files.writeString(dir.resolve("station-service.jar"), "not really a jar");
        Files.setLastModifiedTime(fatJar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        aot = new AotCache(dir.resolve("aot"), java, "25.0.3+9-LTS");
    }

    @Test
    void firstRunAfterExtractingRecordsTheCache() throws IOException {
        extractedJarNewerThanTheFatJar();

        AotCache.Plan plan = aot.prepare(Application.STATION, fatJar, true);

        assertThat(plan.jar()).isEqualTo(dir.resolve("aot/station-service/app/station-service.jar"));
        assertThat(plan.recording()).isTrue();
        assertThat(plan.jvmFlags()).containsExactly("-XX:AOTMode=record",
                "-XX:AOTConfiguration=" + aot.cacheFile(Application.STATION) + "conf");
    }

    @Test
    void aRecordedCacheIsUsed() throws IOException {
        extractedJarNewerThanTheFatJar();
        Files.writeString(aot.cacheFile(Application.STATION), "cache");

        AotCache.Plan plan = aot.prepare(Application.STATION, fatJar, true);

        assertThat(plan.recording()).isFalse();
        assertThat(plan.jvmFlags()).containsExactly("-XX:AOTCache=" + aot.cacheFile(Application.STATION));
    }

    @Test
    void withoutRecordingTheExtractedJarRunsWithoutFlags() throws IOException {
        extractedJarNewerThanTheFatJar();

        AotCache.Plan plan = aot.prepare(Application.STATION, fatJar, false);

        assertThat(plan.jar()).isEqualTo(dir.resolve("aot/station-service/app/station-service.jar"));
        assertThat(plan.jvmFlags()).isEmpty();
        assertThat(plan.recording()).isFalse();
    }

    @Test
    void aJarThatCannotBeExtractedRunsAsItIs() {
        AotCache.Plan plan = aot.prepare(Application.STATION, fatJar, true);

        assertThat(plan.jar()).isEqualTo(fatJar);
        assertThat(plan.jvmFlags()).isEmpty();
        assertThat(plan.description()).contains("extracting failed");
    }

    @Test
    void anInterruptedRecordingIsDiscarded() throws IOException, InterruptedException {
        extractedJarNewerThanTheFatJar();
        AotCache.Plan plan = aot.prepare(Application.STATION, fatJar, true);
        Path configuration = plan.cache().resolveSibling(plan.cache().getFileName() + "conf");
        Files.writeString(configuration, "half written");

        aot.discardRecording(plan);

        assertThat(configuration).doesNotExist();
        assertThat(aot.assemble(plan, java.util.List.of())).isFalse();
        assertThat(plan.cache()).doesNotExist();
    }

    @Test
    void theCacheIsPerJdkVersion() {
        assertThat(aot.cacheFile(Application.STATION).getFileName().toString())
                .isEqualTo("station-service-jdk25.0.3_9_LTS.aot");
        assertThat(AotCache.supported(Runtime.Version.parse("21.0.5"))).isFalse();
        assertThat(AotCache.supported(Runtime.Version.parse("25"))).isTrue();
    }

    private void extractedJarNewerThanTheFatJar() throws IOException {
        Path extracted = dir.resolve("aot/station-service/app/station-service.jar");
        Files.createDirectories(extracted.getParent());
        Files.writeString(extracted, "extracted");
    }
}
