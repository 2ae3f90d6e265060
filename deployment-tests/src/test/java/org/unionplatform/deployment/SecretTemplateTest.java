package org.unionplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionplatform.deployment.Yamls.map;
import static org.unionplatform.deployment.Yamls.maps;
import static org.unionplatform.deployment.Yamls.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class SecretTemplateTest {

    static final Path SECRETS = Repository.path("k8s/secrets");

    static List<Path> templates() {
        try (Stream<Path> files = Files.list(SECRETS)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, Object>> templateSecrets() {
        return templates().stream().flatMap(file -> Repository.yamlDocuments(file).stream())
                .filter(document -> "Secret".equals(text(document, "kind")))
                .toList();
    }

    static List<String> templateSecretNames() {
        return templateSecrets().stream().map(secret -> text(secret, "metadata", "name")).toList();
    }

    @Test
    void secretFilesAreNamedAsTemplatesAndHoldOnlyPlaceholders() {
        assertThat(templates()).isNotEmpty().allSatisfy(file ->
                assertThat(file.getFileName().toString()).endsWith(".template.yaml"));
        assertThat(templateSecrets()).isNotEmpty().allSatisfy(secret -> {
            assertThat(map(secret, "data")).as("base64 data hides what is inside; use stringData").isEmpty();
            assertThat(map(secret, "stringData")).isNotEmpty().allSatisfy((key, value) ->
                    assertThat(String.valueOf(value)).as("%s %s", text(secret, "metadata", "name"), key)
                            .isEqualTo("CHANGE_ME"));
        });
    }

    @Test
    void theBaseCarriesNoSecretAtAll() {
        assertThat(KubernetesBase.ofKind("Secret")).isEmpty();
    }

    @Test
    void everyDatabaseUserHasItsPasswordInTheTemplate() {
        List<Map<String, Object>> users = maps(KubernetesBase.ofKind("MongoDBCommunity").getFirst(), "spec", "users");
        assertThat(users).hasSize(Application.domainServices().size());
        assertThat(users).allSatisfy(user ->
                assertThat(templateSecretNames()).contains(text(user, "passwordSecretRef", "name")));
        assertThat(templateSecrets()).allSatisfy(secret ->
                assertThat(text(secret, "metadata", "namespace")).isEqualTo("union-platform"));
    }

    @Test
    void databaseUsersAreOneServiceEachWithAccessOnlyToItsOwnDatabase() {
        List<Map<String, Object>> users = maps(KubernetesBase.ofKind("MongoDBCommunity").getFirst(), "spec", "users");
        for (Application app : Application.domainServices()) {
            String database = app.config().value("spring.mongodb.database").orElseThrow();
            assertThat(users).filteredOn(user -> app.name().equals(text(user, "name"))).singleElement()
                    .satisfies(user -> assertThat(maps(user, "roles")).singleElement().satisfies(role -> {
                        assertThat(text(role, "name")).isEqualTo("readWrite");
                        assertThat(text(role, "db")).isEqualTo(database);
                    }));
        }
    }
}
