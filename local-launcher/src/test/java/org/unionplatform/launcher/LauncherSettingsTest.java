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
    void oneInstanceOfEachServiceUnlessToldOtherwise() {
        assertThat(LauncherSettings.from(Map.of(), Path.of("/p"), Path.of("/j")).replicas()).isEqualTo(1);
    }

    @Test
    void replicasComeFromTheFlagOrTheEnvironmentAndTheFlagWins() {
        assertThat(LauncherSettings.from(Map.of(), java.util.List.of("--replicas", "2"), Path.of("/p"), Path.of("/j"))
                .replicas()).isEqualTo(2);
        assertThat(LauncherSettings.from(Map.of(), java.util.List.of("--replicas=3"), Path.of("/p"), Path.of("/j"))
                .replicas()).isEqualTo(3);
        assertThat(LauncherSettings.from(Map.of("LOCAL_REPLICAS", "2"), Path.of("/p"), Path.of("/j")).replicas())
                .isEqualTo(2);
        assertThat(LauncherSettings.from(Map.of("LOCAL_REPLICAS", "2"), java.util.List.of("--replicas", "1"),
                Path.of("/p"), Path.of("/j")).replicas()).isEqualTo(1);
    }

    @Test
    void aNumberOfReplicasOutsideOneToFourIsRefusedWithWhereItCameFrom() {
        assertThatThrownBy(() -> LauncherSettings.from(Map.of("LOCAL_REPLICAS", "0"), Path.of("/p"), Path.of("/j")))
                .hasMessageContaining("LOCAL_REPLICAS").hasMessageContaining("1 to 4");
        assertThatThrownBy(() -> LauncherSettings.from(Map.of(), java.util.List.of("--replicas"), Path.of("/p"),
                Path.of("/j"))).hasMessageContaining("--replicas");
        assertThatThrownBy(() -> LauncherSettings.from(Map.of(), java.util.List.of("--replicas", "two"), Path.of("/p"),
                Path.of("/j"))).hasMessageContaining("'two'");
    }

    @Test
    void applicationPortsStayPutUnlessAnOffsetIsGiven() {
        assertThat(LauncherSettings.from(Map.of(), Path.of("/p"), Path.of("/j")).portOffset()).isZero();
        assertThat(LauncherSettings.from(Map.of("LOCAL_PORT_OFFSET", "100"), Path.of("/p"), Path.of("/j")).portOffset())
                .isEqualTo(100);
        assertThatThrownBy(() -> LauncherSettings.from(Map.of("LOCAL_PORT_OFFSET", "-1"), Path.of("/p"), Path.of("/j")))
                .hasMessageContaining("LOCAL_PORT_OFFSET");
    }

    @Test
    void theApplicationsConnectToTheServersOwnPortsUnlessAProxyPortIsSet() {
        LauncherSettings plain = LauncherSettings.from(Map.of("LOCAL_MONGO_PORT", "27999"), Path.of("/p"), Path.of("/j"));
        assertThat(plain.servicesMongoPort()).isEqualTo(27999);
        assertThat(plain.servicesBrokerPort()).isEmpty();
        assertThat(plain.externalBroker()).isEmpty();

        LauncherSettings proxied = LauncherSettings.from(Map.of("LOCAL_SERVICES_MONGO_PORT", "28001",
                "LOCAL_SERVICES_BROKER_PORT", "5701"), Path.of("/p"), Path.of("/j"));
        assertThat(proxied.servicesMongoPort()).isEqualTo(28001);
        assertThat(proxied.servicesBrokerPort()).hasValue(5701);
    }

    @Test
    void anInstalledBrokerIsNamedByAnAmqpUriAndAnythingElseIsRefusedWithTheVariablesName() {
        LauncherSettings installed = LauncherSettings.from(Map.of("LOCAL_BROKER_URI", "amqp://guest:guest@127.0.0.1:5672"),
                Path.of("/p"), Path.of("/j"));
        assertThat(installed.externalBroker()).hasValueSatisfying(uri -> {
            assertThat(uri.getHost()).isEqualTo("127.0.0.1");
            assertThat(uri.getPort()).isEqualTo(5672);
        });
        assertThatThrownBy(() -> LauncherSettings.from(Map.of("LOCAL_BROKER_URI", "http://127.0.0.1:5672"),
                Path.of("/p"), Path.of("/j"))).hasMessageContaining("LOCAL_BROKER_URI");
    }

    @Test
    void oneApplicationsFlagsComeAfterTheCommonOnes() {
        LauncherSettings settings = LauncherSettings.from(Map.of("LOCAL_JVM_FLAGS", "-Xmx300m",
                "LOCAL_JVM_FLAGS_GATEWAY", "-XX:TieredStopAtLevel=4"), Path.of("/p"), Path.of("/j"));
        assertThat(settings.extraJvmFlags(Application.GATEWAY)).containsExactly("-Xmx300m", "-XX:TieredStopAtLevel=4");
        assertThat(settings.extraJvmFlags(Application.STATION)).containsExactly("-Xmx300m");
    }
}
