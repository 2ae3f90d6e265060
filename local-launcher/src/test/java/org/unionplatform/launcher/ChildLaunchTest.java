package org.unionplatform.launcher;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChildLaunchTest {

    private static final ChildLaunch.Endpoints ENDPOINTS =
            new ChildLaunch.Endpoints("mongodb://127.0.0.1:27117", "127.0.0.1", 5673, "guest", "guest", "/");
    private static final Path JAVA = Path.of("/opt/jdk/bin/java");
    private static final LocalSecrets SECRETS = new LocalSecrets(java.util.Map.of(
            "pii.key", "pk", "pii.lookup-key", "lk", "auth.key-encryption-key", "kek", "admin.password", "ap",
            "demo.password", "dp", "client-secret.organization-service", "c1", "client-secret.membership-service", "c2",
            "client-secret.station-service", "c3", "client-secret.benefits-service", "c4"));

    @Test
    void aServiceRunsItsJarWithTheSameJavaSmallMemoryFlagsAndTheShanghaiTimeZone() {
        Path jar = Application.MEMBERSHIP.jar(Path.of("/project"));

        ChildLaunch launch = ChildLaunch.of(new Instance(Application.MEMBERSHIP, 1), 1, JAVA, jar, List.of(), ENDPOINTS, SECRETS);

        assertThat(jar).isEqualTo(Path.of("/project/membership-service/target/membership-service.jar"));
        assertThat(launch.command()).first().isEqualTo("/opt/jdk/bin/java");
        assertThat(launch.command()).endsWith("-jar", jar.toString());
        assertThat(launch.command()).contains("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Duser.timezone=Asia/Shanghai");
    }

    @Test
    void extraJvmFlagsComeBeforeTheJar() {
        ChildLaunch launch = ChildLaunch.of(new Instance(Application.STATION, 1), 1, JAVA, Path.of("station.jar"),
                List.of("-XX:AOTCache=station.aot"), ENDPOINTS, SECRETS);

        List<String> command = launch.command();
        assertThat(command.indexOf("-XX:AOTCache=station.aot")).isLessThan(command.indexOf("-jar"));
    }

    @Test
    void aServiceIsToldItsPortAndWhereMongoDbAndTheBrokerAre() {
        ChildLaunch launch = ChildLaunch.of(new Instance(Application.BENEFITS, 1), 1, JAVA, Path.of("b.jar"), List.of(), ENDPOINTS, SECRETS);

        assertThat(launch.environment())
                .containsEntry("SERVER_PORT", "8084")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27117")
                .containsEntry("RABBITMQ_HOST", "127.0.0.1")
                .containsEntry("RABBITMQ_PORT", "5673")
                .containsEntry("RABBITMQ_USERNAME", "guest")
                .containsEntry("RABBITMQ_PASSWORD", "guest")
                .containsEntry("MEMBERSHIP_SERVICE_URI", "http://127.0.0.1:8082");
    }

    @Test
    void aServiceGetsTheRunsSecretsAndItsOwnClientSecretOnly() {
        ChildLaunch launch = ChildLaunch.of(new Instance(Application.STATION, 1), 1, JAVA, Path.of("s.jar"), List.of(), ENDPOINTS, SECRETS);

        assertThat(launch.environment())
                .containsEntry("PLATFORM_PII_KEYS_LOCAL", "pk")
                .containsEntry("PLATFORM_PII_ACTIVE_KEY_ID", "local")
                .containsEntry("PLATFORM_PII_LOOKUP_KEY", "lk")
                .containsEntry("PLATFORM_SECURITY_CLIENT_SECRET", "c3")
                .containsEntry("PLATFORM_DEMO_DATA_ENABLED", "true")
                .containsEntry("PLATFORM_AUTH_SERVICE_CLIENTS_STATION_SERVICE", "c3");
    }

    @Test
    void secretsAreMadeOnceAndKeptAcrossRuns(@org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        LocalSecrets first = LocalSecrets.loadOrCreate(data);
        LocalSecrets second = LocalSecrets.loadOrCreate(data);

        assertThat(second).isEqualTo(first);
        assertThat(first.adminPassword()).hasSize(14).isNotEqualTo(first.demoPassword());
        assertThat(java.util.Base64.getDecoder().decode(first.values().get("pii.key"))).hasSize(32);
        assertThat(java.nio.file.Files.getPosixFilePermissions(data.resolve(LocalSecrets.FILE_NAME)))
                .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    @Test
    void theGatewayIsToldWhereEveryServiceIs() {
        ChildLaunch launch = ChildLaunch.of(new Instance(Application.GATEWAY, 1), 1, JAVA, Path.of("g.jar"), List.of(), ENDPOINTS, SECRETS);

        assertThat(launch.environment())
                .containsEntry("SERVER_PORT", "8080")
                .containsEntry("ORGANIZATION_SERVICE_URI", "http://127.0.0.1:8081")
                .containsEntry("MEMBERSHIP_SERVICE_URI", "http://127.0.0.1:8082")
                .containsEntry("STATION_SERVICE_URI", "http://127.0.0.1:8083")
                .containsEntry("BENEFITS_SERVICE_URI", "http://127.0.0.1:8084");
    }

    @Test
    void withTwoReplicasTheGatewayIsToldEveryInstanceOfEveryService() {
        ChildLaunch launch = ChildLaunch.of(new Instance(Application.GATEWAY, 1), 2, JAVA, Path.of("g.jar"), List.of(),
                ENDPOINTS, SECRETS);

        assertThat(launch.environment())
                .containsEntry("SERVER_PORT", "8080")
                .containsEntry("ORGANIZATION_SERVICE_URI", "http://127.0.0.1:8081,http://127.0.0.1:8091")
                .containsEntry("MEMBERSHIP_SERVICE_URI", "http://127.0.0.1:8082,http://127.0.0.1:8092")
                .containsEntry("STATION_SERVICE_URI", "http://127.0.0.1:8083,http://127.0.0.1:8093")
                .containsEntry("BENEFITS_SERVICE_URI", "http://127.0.0.1:8084,http://127.0.0.1:8094");
    }

    @Test
    void aSecondInstanceListensTenPortsHigherAndSharesMongoDbAndTheBroker() {
        ChildLaunch launch = ChildLaunch.of(new Instance(Application.MEMBERSHIP, 2), 2, JAVA, Path.of("m.jar"),
                List.of(), ENDPOINTS, SECRETS);

        assertThat(launch.environment())
                .containsEntry("SERVER_PORT", "8092")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27117")
                .containsEntry("RABBITMQ_PORT", "5673");
    }

    @Test
    void withTwoReplicasAServiceIsToldEveryInstanceOfTheServicesItAsksAndOfTheIssuer() {
        ChildLaunch launch = ChildLaunch.of(new Instance(Application.MEMBERSHIP, 2), 2, JAVA, Path.of("m.jar"),
                List.of(), ENDPOINTS, SECRETS);

        assertThat(launch.environment())
                .containsEntry("ORGANIZATION_SERVICE_URI", "http://127.0.0.1:8081,http://127.0.0.1:8091")
                .containsEntry("PLATFORM_SECURITY_JWKS_URI",
                        "http://127.0.0.1:8081/api/auth/jwks,http://127.0.0.1:8091/api/auth/jwks")
                .containsEntry("PLATFORM_SECURITY_TOKEN_URI",
                        "http://127.0.0.1:8081/api/auth/oauth/token,http://127.0.0.1:8091/api/auth/oauth/token");
    }

    @Test
    void withTwoReplicasTheGatewayFetchesTheIssuersKeysFromTheFirstInstance() {
        ChildLaunch launch = ChildLaunch.of(new Instance(Application.GATEWAY, 1), 2, JAVA, Path.of("g.jar"), List.of(),
                ENDPOINTS, SECRETS);

        assertThat(launch.environment())
                .containsEntry("PLATFORM_SECURITY_JWKS_URI", "http://127.0.0.1:8081/api/auth/jwks")
                .doesNotContainKey("PLATFORM_SECURITY_TOKEN_URI");
    }

    @Test
    void withAPortOffsetEveryAddressAChildIsToldMovesWithIt() {
        ChildLaunch launch = ChildLaunch.of(new Instance(Application.BENEFITS, 1, 100), 1, JAVA, Path.of("b.jar"),
                List.of(), ENDPOINTS, SECRETS);

        assertThat(launch.environment())
                .containsEntry("SERVER_PORT", "8184")
                .containsEntry("MEMBERSHIP_SERVICE_URI", "http://127.0.0.1:8182")
                .containsEntry("PLATFORM_SECURITY_JWKS_URI", "http://127.0.0.1:8181/api/auth/jwks")
                .containsEntry("PLATFORM_SECURITY_TOKEN_URI", "http://127.0.0.1:8181/api/auth/oauth/token")
                .containsEntry("PLATFORM_STATION_CHECK_IN_BASE_URL", "http://127.0.0.1:8180/check-in/");
    }

    @Test
    void theFiveApplicationsHaveDistinctPorts() {
        assertThat(Application.ALL).extracting(Application::port).containsExactlyInAnyOrder(8080, 8081, 8082, 8083, 8084);
    }
}
