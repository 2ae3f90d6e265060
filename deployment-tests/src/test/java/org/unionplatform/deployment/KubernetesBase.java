package org.unionplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The resources of k8s/base, every document of every file. */
final class KubernetesBase {

    static final Path BASE = Repository.path("k8s/base");

    private KubernetesBase() {
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(BASE)) {
            return files.filter(file -> file.getFileName().toString().matches(".*\\.ya?ml"))
                    .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, Object>> resources() {
        return files().stream().flatMap(file -> Repository.yamlDocuments(file).stream()).toList();
    }

    static List<Map<String, Object>> ofKind(String kind) {
        return resources().stream().filter(resource -> kind.equals(Yamls.text(resource, "kind"))).toList();
    }

    static Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(resource -> name.equals(Yamls.text(resource, "metadata", "name"))).findFirst();
    }

    static Map<String, Object> get(String kind, String name) {
        Optional<Map<String, Object>> resource = find(kind, name);
        assertThat(resource).as("%s %s in k8s/base", kind, name).isPresent();
        return resource.orElseThrow();
    }

    static Map<String, Object> container(Application app) {
        List<Map<String, Object>> containers = Yamls.maps(get("Deployment", app.name()),
                "spec", "template", "spec", "containers");
        assertThat(containers).as("%s containers", app).extracting(c -> c.get("name")).contains(app.name());
        return containers.stream().filter(c -> app.name().equals(c.get("name"))).findFirst().orElseThrow();
    }
}
