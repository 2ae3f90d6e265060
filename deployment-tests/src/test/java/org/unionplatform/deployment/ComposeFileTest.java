package org.unionplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionplatform.deployment.Yamls.list;
import static org.unionplatform.deployment.Yamls.map;
import static org.unionplatform.deployment.Yamls.text;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ComposeFileTest {

    static final List<Application> APPS = Application.ALL;
    static final List<Application> DOMAIN_SERVICES = Application.domainServices();

    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?[?-][^}]*)?}");

    static Map<String, Object> services() {
        return map(Repository.yaml("docker-compose.yml"), "services");
    }

    static Map<String, Object> service(String name) {
        return map(services(), name);
    }

    static Map<String, Object> environment(String service) {
        return map(service(service), "environment");
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void everyApplicationIsBuiltFromItsOwnDockerfileWithTheRepositoryAsContext(Application app) {
        Map<String, Object> service = service(app.name());
        assertThat(service).as("compose service %s", app).isNotEmpty();
        assertThat(text(service, "build", "context")).isEqualTo(".");
        assertThat(text(service, "build", "dockerfile")).isEqualTo(app.name() + "/Dockerfile");
        assertThat(Repository.path(app.name() + "/Dockerfile")).isRegularFile();
    }

    @Test
    void everyImageIsPinned() {
        services().forEach((name, definition) -> {
            String image = text(definition, "image");
            assertThat(image).as("%s image", name).isNotNull();
            assertThat(Images.isPinned(image)).as("%s: %s", name, image).isTrue();
        });
    }

    @Test
    void everyDependencyWaitsUntilTheOtherServiceIsHealthy() {
        services().forEach((name, definition) -> {
            Object dependsOn = Yamls.at(definition, "depends_on");
            assertThat(dependsOn instanceof List).as("%s: depends_on needs conditions, not a plain list", name)
                    .isFalse();
            map(dependsOn).forEach((dependency, condition) -> {
                assertThat(text(condition, "condition")).as("%s -> %s", name, dependency).isEqualTo("service_healthy");
                assertThat(service(dependency)).as("%s depends on unknown %s", name, dependency).isNotEmpty();
                assertThat(map(service(dependency), "healthcheck")).as("%s has a healthcheck", dependency).isNotEmpty();
            });
        });
        assertThat(map(service("gateway"), "depends_on").keySet()).containsExactlyInAnyOrderElementsOf(
                DOMAIN_SERVICES.stream().flatMap(app -> java.util.stream.Stream.of(app.name(), app.name() + "-2")).toList());
        DOMAIN_SERVICES.forEach(app -> assertThat(map(service(app.name()), "depends_on").keySet())
                .contains("mongodb", "rabbitmq"));
    }

    @Test
    void everyContainerHasAHealthcheckAndAMemoryLimit() {
        services().forEach((name, definition) -> {
            assertThat(list(definition, "healthcheck", "test")).as("%s healthcheck", name).isNotEmpty();
            String memory = text(definition, "deploy", "resources", "limits", "memory");
            assertThat(memory != null ? memory : text(definition, "mem_limit")).as("%s memory limit", name)
                    .matches("\\d+[kmgKMG]i?[bB]?");
        });
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void healthcheckProbesReadinessOnThePortTheApplicationListensOn(Application app) {
        String test = String.join(" ", list(service(app.name()), "healthcheck", "test").stream()
                .map(String::valueOf).toList());
        assertThat(text(environment(app.name()), "SERVER_PORT")).isEqualTo(String.valueOf(app.port()));
        assertThat(test).contains("http://127.0.0.1:" + app.port() + "/actuator/health/readiness");
        SpringConfig config = app.config();
        if (config.present()) {
            assertThat(config.actuatorPaths()).contains("/actuator/health/readiness");
        }
    }

    @Test
    void onlyTheGatewayIsPublishedAndTheBrokerConsoleOnlyOnLoopback() {
        services().forEach((name, definition) -> {
            List<String> ports = list(definition, "ports").stream().map(String::valueOf).toList();
            switch (name) {
                case "gateway" -> assertThat(ports).singleElement().asString().endsWith(":8080");
                case "rabbitmq" -> assertThat(ports).allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
                default -> assertThat(ports).as("%s publishes", name).isEmpty();
            }
        });
    }

    @ParameterizedTest
    @FieldSource("DOMAIN_SERVICES")
    void domainServicesReachTheReplicaSetAndTheBroker(Application app) {
        Map<String, Object> env = environment(app.name());
        String replicaSet = replicaSetName();
        assertThat(text(env, "MONGODB_URI")).startsWith("mongodb://").contains("@mongodb:27017/")
                .contains("replicaSet=" + replicaSet);
        assertThat(text(env, "RABBITMQ_HOST")).isEqualTo("rabbitmq");
        assertThat(text(env, "RABBITMQ_PORT")).isEqualTo("5672");
        assertThat(env).containsKeys("RABBITMQ_USERNAME", "RABBITMQ_PASSWORD");
    }

    @Test
    void gatewayBalancesOverBothInstancesOfEachServiceByServiceNameAndPort() {
        Map<String, Object> env = environment("gateway");
        for (Application app : DOMAIN_SERVICES) {
            String variable = app.name().replace("-", "_").toUpperCase() + "_URI";
            assertThat(text(env, variable)).isEqualTo("http://" + app.name() + ":" + app.port() + ",http://" + app.name()
                    + "-2:" + app.port());
            assertThat(service(app.name() + "-2")).as("second instance of %s", app).isEqualTo(service(app.name()));
        }
    }

    @ParameterizedTest
    @FieldSource("DOMAIN_SERVICES")
    void domainServicesAskBothInstancesOfTheIssuerAndOfEachOther(Application app) {
        Map<String, Object> env = environment(app.name());
        assertThat(text(env, "ORGANIZATION_SERVICE_URI"))
                .isEqualTo("http://organization-service:8081,http://organization-service-2:8081");
        assertThat(text(env, "MEMBERSHIP_SERVICE_URI"))
                .isEqualTo("http://membership-service:8082,http://membership-service-2:8082");
        assertThat(text(env, "PLATFORM_SECURITY_JWKS_URI")).isEqualTo(
                "http://organization-service:8081/api/auth/jwks,http://organization-service-2:8081/api/auth/jwks");
        assertThat(text(env, "PLATFORM_SECURITY_TOKEN_URI")).isEqualTo("http://organization-service:8081/api/auth/oauth/token,"
                + "http://organization-service-2:8081/api/auth/oauth/token");
    }

    @Test
    void mongodbIsAOneMemberReplicaSetThatIsHealthyOnlyWithAPrimary() {
        Map<String, Object> mongodb = service("mongodb");
        assertThat(Images.tag(text(mongodb, "image"))).startsWith("8.0.");
        List<String> command = list(mongodb, "command").stream().map(String::valueOf).toList();
        assertThat(command).contains("--replSet", "--keyFile");
        String healthcheck = String.join(" ", list(mongodb, "healthcheck", "test").stream().map(String::valueOf).toList());
        assertThat(healthcheck).contains("rs.initiate(", "_id: \"" + replicaSetName() + "\"", "host: \"mongodb:27017\"",
                "isWritablePrimary");
    }

    @Test
    void rabbitmqRunsTheManagementImageWithAHealthcheck() {
        Map<String, Object> rabbitmq = service("rabbitmq");
        assertThat(Images.tag(text(rabbitmq, "image"))).endsWith("-management");
        assertThat(list(rabbitmq, "healthcheck", "test")).contains("rabbitmq-diagnostics");
    }

    @Test
    void passwordsComeFromTheEnvironmentFileAndEveryVariableHasAPlaceholder() {
        String compose = Repository.read("docker-compose.yml");
        services().forEach((name, definition) -> map(definition, "environment").forEach((key, value) -> {
            if (key.contains("PASSWORD") || key.contains("PASS")) {
                assertThat(String.valueOf(value)).as("%s %s", name, key).matches("\\$\\{[A-Z0-9_]+(:[?-][^}]*)?}");
            }
        }));
        assertThat(text(environment("organization-service"), "MONGODB_URI"))
                .contains("${MONGO_ROOT_PASSWORD");

        Set<String> used = variables(compose, true);
        Map<String, String> example = envExample();
        assertThat(example.keySet()).containsAll(used);
        example.forEach((key, value) -> {
            if (key.contains("PASSWORD")) {
                assertThat(value).as(".env.example %s", key).isEqualTo("CHANGE_ME");
            }
        });
    }

    /** Variables compose requires (`${X:?...}`), or all it references when `requiredOnly` is false. */
    static Set<String> variables(String compose, boolean requiredOnly) {
        Matcher matcher = REQUIRED_VARIABLE.matcher(compose.replace("$$", ""));
        return matcher.results()
                .filter(result -> !requiredOnly || result.group().contains(":?"))
                .map(result -> result.group(1))
                .collect(Collectors.toSet());
    }

    static Map<String, String> envExample() {
        return Repository.read(".env.example").lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1)));
    }

    static String replicaSetName() {
        List<String> command = list(service("mongodb"), "command").stream().map(String::valueOf).toList();
        int flag = command.indexOf("--replSet");
        assertThat(flag).as("mongodb --replSet").isNotNegative();
        return command.get(flag + 1);
    }
}
