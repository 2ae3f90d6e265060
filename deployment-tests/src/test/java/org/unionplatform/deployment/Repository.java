package org.unionplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The repository's files, found from wherever the tests run (the module directory under Maven). */
final class Repository {

    static final Path ROOT = findRoot();

    private Repository() {
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deployment-tests"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No repository root above " + Path.of("").toAbsolutePath());
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One YAML document; anchors, aliases and merge keys (as in docker-compose.yml) are resolved. */
    static Map<String, Object> yaml(String relative) {
        assertThat(path(relative)).as(relative).isRegularFile();
        Map<String, Object> document = newYaml().load(read(relative));
        return document == null ? Map.of() : document;
    }

    /** Every non-empty document of a multi-document YAML file. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(Path file) {
        try {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : newYaml().loadAll(Files.readString(file))) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    }
}
