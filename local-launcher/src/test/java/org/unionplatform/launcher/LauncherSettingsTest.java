package org.unionplatform.launcher;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherSettingsTest {

    @Test
    void defaultsPutDataUnderTheProjectAndUseTheUsualPorts() {
        LauncherSettings settings = LauncherSettings.from(Map.of(), Path.of("/project"), Path.of("/opt/jdk"));

        assertThat(settings.mongoPort()).isEqualTo(27117);
        assertThat(settings.brokerPort()).isEqualTo(5673);
        assertThat(settings.mongoFile()).startsWithRaw(Path.of("/project/data/mongo"));
        assertThat(settings.logsDir()).isEqualTo(Path.of("/project/data/logs"));
        assertThat(settings.javaBinary()).isEqualTo(Path.of("/opt/jdk/bin/java"));
    }

    @Test
    void portsCanBeOverriddenFromTheEnvironment() {
        LauncherSettings settings = LauncherSettings.from(
                Map.of("LOCAL_MONGO_PORT", "27999", "LOCAL_BROKER_PORT", "5699"), Path.of("/p"), Path.of("/j"));

        assertThat(settings.mongoPort()).isEqualTo(27999);
        assertThat(settings.brokerPort()).isEqualTo(5699);
    }

    @Test
    void recordingAotCachesIsOptIn() {
        assertThat(LauncherSettings.from(Map.of(), Path.of("/p"), Path.of("/j")).aotEnabled()).isFalse();
        assertThat(LauncherSettings.from(Map.of("LOCAL_AOT", "true"), Path.of("/p"), Path.of("/j")).aotEnabled())
                .isTrue();
    }

    @Test
    void aPortThatIsNotAPortIsRefusedWithItsName() {
        assertThatThrownBy(() -> LauncherSettings.from(Map.of("LOCAL_BROKER_PORT", "70000"), Path.of("/p"), Path.of("/j")))
                .hasMessageContaining("LOCAL_BROKER_PORT");
    }

    @Test
    void extraJvmFlagsAreSplitOnWhitespaceAndDefaultToNone() {
        assertThat(LauncherSettings.from(Map.of(), Path.of("/p"), Path.of("/j")).extraJvmFlags()).isEmpty();
        assertThat(LauncherSettings.from(Map.of("LOCAL_JVM_FLAGS", " -XX:TieredStopAtLevel=4   -Xmx512m "),
                Path.of("/p"), Path.of("/j")).extraJvmFlags()).containsExactly("-XX:TieredStopAtLevel=4", "-Xmx512m");
    }

    @Test
    void oneApplicationsFlagsComeAfterTheCommonOnes() {
        LauncherSettings settings = LauncherSettings.from(Map.of("LOCAL_JVM_FLAGS", "-Xmx300m",
                "LOCAL_JVM_FLAGS_GATEWAY", "-XX:TieredStopAtLevel=4"), Path.of("/p"), Path.of("/j"));
        assertThat(settings.extraJvmFlags(Application.GATEWAY)).containsExactly("-Xmx300m", "-XX:TieredStopAtLevel=4");
        assertThat(settings.extraJvmFlags(Application.STATION)).containsExactly("-Xmx300m");
    }
}
