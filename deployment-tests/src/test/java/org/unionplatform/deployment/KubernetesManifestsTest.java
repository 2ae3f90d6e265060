package org.unionplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionplatform.deployment.Yamls.list;
import static org.unionplatform.deployment.Yamls.map;
import static org.unionplatform.deployment.Yamls.maps;
import static org.unionplatform.deployment.Yamls.text;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class KubernetesManifestsTest {

    static final List<Application> APPS = Application.ALL;
    static final List<Application> DOMAIN_SERVICES = Application.domainServices();

    @Test
    void kustomizationListsExactlyTheFilesOfTheBaseInTheNamespace() {
        Map<String, Object> kustomization = Repository.yaml("k8s/base/kustomization.yaml");
        List<String> listed = list(kustomization, "resources").stream().map(String::valueOf).toList();
        List<String> files = KubernetesBase.files().stream().map(Path::getFileName).map(Path::toString).toList();

        assertThat(listed).containsExactlyInAnyOrderElementsOf(files);
        assertThat(text(kustomization, "namespace")).isEqualTo("union-platform");
        assertThat(KubernetesBase.get("Namespace", "union-platform")).isNotEmpty();
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void everyApplicationHasItsDeploymentServiceConfigMapAutoscalerAndDisruptionBudget(Application app) {
        Map<String, Object> deployment = KubernetesBase.get("Deployment", app.name());
        Map<String, String> podLabels = labels(map(deployment, "spec", "template", "metadata", "labels"));
        assertThat(podLabels).containsAllEntriesOf(labels(map(deployment, "spec", "selector", "matchLabels")));

        assertThat(labels(map(KubernetesBase.get("Service", app.name()), "spec", "selector"))).isNotEmpty()
                .allSatisfy((key, value) -> assertThat(podLabels).containsEntry(key, value));
        assertThat(KubernetesBase.get("ConfigMap", app.name() + "-config")).isNotEmpty();

        Map<String, Object> hpa = KubernetesBase.get("HorizontalPodAutoscaler", app.name());
        assertThat(text(hpa, "apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(text(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
        assertThat(text(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(app.name());
        assertThat(maps(hpa, "spec", "metrics")).anySatisfy(metric ->
                assertThat(text(metric, "resource", "name")).isEqualTo("cpu"));
        assertThat(Integer.parseInt(text(hpa, "spec", "minReplicas"))).isGreaterThanOrEqualTo(2);

        Map<String, Object> pdb = KubernetesBase.get("PodDisruptionBudget", app.name());
        assertThat(text(pdb, "apiVersion")).isEqualTo("policy/v1");
        assertThat(labels(map(pdb, "spec", "selector", "matchLabels"))).isNotEmpty()
                .allSatisfy((key, value) -> assertThat(podLabels).containsEntry(key, value));
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void containerPortServiceTargetPortAndServerPortAgreeWithTheApplication(Application app) {
        int port = app.port();
        Map<String, Object> container = KubernetesBase.container(app);
        List<Map<String, Object>> containerPorts = maps(container, "ports");
        assertThat(containerPorts).extracting(p -> text(p, "containerPort")).containsExactly(String.valueOf(port));

        Map<String, Object> service = KubernetesBase.get("Service", app.name());
        assertThat(maps(service, "spec", "ports")).singleElement().satisfies(servicePort -> {
            assertThat(resolvePort(text(servicePort, "targetPort"), containerPorts)).isEqualTo(port);
            assertThat(text(servicePort, "port")).isEqualTo(String.valueOf(port));
        });

        assertThat(text(KubernetesBase.get("ConfigMap", app.name() + "-config"), "data", "SERVER_PORT"))
                .isEqualTo(String.valueOf(port));
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void probesUseTheBootHealthGroupsOnTheApplicationsPort(Application app) {
        Map<String, Object> container = KubernetesBase.container(app);
        List<Map<String, Object>> ports = maps(container, "ports");
        Map<String, String> expected = Map.of(
                "startupProbe", "/actuator/health/liveness",
                "livenessProbe", "/actuator/health/liveness",
                "readinessProbe", "/actuator/health/readiness");
        expected.forEach((probe, path) -> {
            assertThat(text(container, probe, "httpGet", "path")).as("%s %s", app, probe).isEqualTo(path);
            assertThat(resolvePort(text(container, probe, "httpGet", "port"), ports)).isEqualTo(app.port());
        });
        SpringConfig config = app.config();
        if (config.present()) {
            assertThat(config.actuatorPaths()).containsAll(expected.values());
            assertThat(config.managementPort()).isEqualTo(app.port());
        }
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void prometheusScrapesTheApplicationsPrometheusEndpoint(Application app) {
        Map<String, String> annotations = labels(map(KubernetesBase.get("Deployment", app.name()),
                "spec", "template", "metadata", "annotations"));
        assertThat(annotations)
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", String.valueOf(app.port()))
                .containsEntry("prometheus.io/path", "/actuator/prometheus");
        SpringConfig config = app.config();
        if (config.present()) {
            assertThat(config.actuatorPaths()).contains("/actuator/prometheus");
        }
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void everyContainerHasRequestsAndLimitsAndRunsLockedDown(Application app) {
        Map<String, Object> deployment = KubernetesBase.get("Deployment", app.name());
        Map<String, Object> pod = map(deployment, "spec", "template", "spec");
        Map<String, Object> container = KubernetesBase.container(app);

        for (String kind : List.of("requests", "limits")) {
            assertThat(map(container, "resources", kind)).as("%s resources.%s", app, kind)
                    .containsKeys("cpu", "memory");
        }
        assertThat(text(pod, "securityContext", "runAsNonRoot")).isEqualTo("true");
        assertThat(Integer.parseInt(text(pod, "securityContext", "runAsUser"))).isPositive();
        Map<String, Object> security = map(container, "securityContext");
        assertThat(text(security, "allowPrivilegeEscalation")).isEqualTo("false");
        assertThat(text(security, "readOnlyRootFilesystem")).isEqualTo("true");
        assertThat(list(security, "capabilities", "drop")).containsExactly("ALL");

        String tmpVolume = maps(container, "volumeMounts").stream()
                .filter(mount -> "/tmp".equals(text(mount, "mountPath")))
                .map(mount -> text(mount, "name")).findFirst().orElse(null);
        assertThat(tmpVolume).as("%s mounts a writable /tmp", app).isNotNull();
        assertThat(maps(pod, "volumes")).anySatisfy(volume -> {
            assertThat(text(volume, "name")).isEqualTo(tmpVolume);
            assertThat(volume).containsKey("emptyDir");
        });
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void configurationComesFromAConfigMapAndSecretsThatSomethingProvides(Application app) {
        Map<String, Object> container = KubernetesBase.container(app);
        assertThat(maps(container, "envFrom")).anySatisfy(source ->
                assertThat(text(source, "configMapRef", "name")).isEqualTo(app.name() + "-config"));

        Set<String> provided = providedSecrets();
        List<String> referenced = maps(container, "env").stream()
                .map(variable -> text(variable, "valueFrom", "secretKeyRef", "name"))
                .filter(name -> name != null)
                .toList();
        assertThat(provided).containsAll(referenced);
        if (app.domainService()) {
            assertThat(maps(container, "env")).extracting(variable -> text(variable, "name"))
                    .contains("MONGODB_URI", "RABBITMQ_USERNAME", "RABBITMQ_PASSWORD");
            Map<String, Object> data = map(KubernetesBase.get("ConfigMap", app.name() + "-config"), "data");
            assertThat(data).containsEntry("RABBITMQ_HOST", text(KubernetesBase.ofKind("RabbitmqCluster").getFirst(),
                    "metadata", "name"));
        }
    }

    @Test
    void gatewayRoutesToEachServiceByItsKubernetesServiceAndPort() {
        Map<String, Object> data = map(KubernetesBase.get("ConfigMap", "gateway-config"), "data");
        for (Application app : DOMAIN_SERVICES) {
            String variable = app.name().replace("-", "_").toUpperCase() + "_URI";
            assertThat(text(data, variable)).isEqualTo("http://" + app.name() + ":" + app.port());
        }
    }

    @Test
    void ingressSendsEverythingToTheGateway() {
        List<Map<String, Object>> ingresses = KubernetesBase.ofKind("Ingress");
        assertThat(ingresses).singleElement().satisfies(ingress ->
                assertThat(maps(ingress, "spec", "rules")).allSatisfy(rule ->
                        assertThat(maps(rule, "http", "paths")).allSatisfy(path -> {
                            assertThat(text(path, "backend", "service", "name")).isEqualTo("gateway");
                            assertThat(text(path, "backend", "service", "port", "number"))
                                    .isEqualTo(String.valueOf(Application.named("gateway").port()));
                        })));
    }

    @Test
    void brokerAndDatabaseAreThreeMemberClustersOnPinnedVersions() {
        Map<String, Object> rabbitmq = KubernetesBase.ofKind("RabbitmqCluster").getFirst();
        assertThat(text(rabbitmq, "apiVersion")).isEqualTo("rabbitmq.com/v1beta1");
        assertThat(text(rabbitmq, "spec", "replicas")).isEqualTo("3");
        assertThat(Images.isPinned(text(rabbitmq, "spec", "image"))).isTrue();

        Map<String, Object> mongodb = KubernetesBase.ofKind("MongoDBCommunity").getFirst();
        assertThat(text(mongodb, "spec", "type")).isEqualTo("ReplicaSet");
        assertThat(text(mongodb, "spec", "members")).isEqualTo("3");
        assertThat(text(mongodb, "spec", "version")).startsWith("8.0.");
    }

    @Test
    void everyImageIsPinned() {
        for (Map<String, Object> deployment : KubernetesBase.ofKind("Deployment")) {
            for (Map<String, Object> container : maps(deployment, "spec", "template", "spec", "containers")) {
                String image = text(container, "image");
                assertThat(Images.isPinned(image)).as("%s", image).isTrue();
            }
        }
    }

    /** Secrets that exist once the operators run and the template is applied. */
    static Set<String> providedSecrets() {
        Set<String> provided = new HashSet<>(SecretTemplateTest.templateSecretNames());
        KubernetesBase.ofKind("RabbitmqCluster")
                .forEach(cluster -> provided.add(text(cluster, "metadata", "name") + "-default-user"));
        KubernetesBase.ofKind("MongoDBCommunity").forEach(database -> maps(database, "spec", "users")
                .forEach(user -> provided.add(text(user, "connectionStringSecretName"))));
        return provided;
    }

    static int resolvePort(String port, List<Map<String, Object>> containerPorts) {
        if (port != null && port.matches("\\d+")) {
            return Integer.parseInt(port);
        }
        return containerPorts.stream().filter(p -> port != null && port.equals(text(p, "name")))
                .map(p -> Integer.parseInt(text(p, "containerPort")))
                .findFirst().orElse(-1);
    }

    static Map<String, String> labels(Map<String, Object> map) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        map.forEach((key, value) -> labels.put(key, String.valueOf(value)));
        return labels;
    }
}
