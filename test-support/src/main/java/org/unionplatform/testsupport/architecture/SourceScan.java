package org.unionplatform.testsupport.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Operator names in string constants are invisible to a bytecode rule ({@code Criteria.where("$where")} compiles
 * to a plain constant), so the sources themselves are read: code, and the resource files that may hold queries.
 */
final class SourceScan {

    private static final Set<String> SCANNED = Set.of(".java", ".kt", ".properties", ".yml", ".yaml", ".json", ".js");

    private SourceScan() {
    }

    static void failOnServerSideJavaScript(Path mainSources) {
        if (!Files.isDirectory(mainSources.resolve("java"))) {
            throw new AssertionError("No sources at " + mainSources.toAbsolutePath().resolve("java")
                    + ": nothing would be scanned");
        }
        List<String> findings = findings(mainSources);
        if (!findings.isEmpty()) {
            throw new AssertionError("Server-side JavaScript operators ("
                    + String.join(", ", PlatformArchitectureRules.SERVER_SIDE_JAVASCRIPT)
                    + ") run code inside MongoDB and must not appear in main sources:\n"
                    + String.join("\n", findings));
        }
    }

    static List<String> findings(Path mainSources) {
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(mainSources)) {
            for (Path file : files.filter(Files::isRegularFile).filter(SourceScan::isScanned).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    for (String operator : PlatformArchitectureRules.SERVER_SIDE_JAVASCRIPT) {
                        if (lines.get(i).contains(operator)) {
                            findings.add(mainSources.relativize(file) + ":" + (i + 1) + ": " + operator);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    private static boolean isScanned(Path file) {
        String name = file.getFileName().toString();
        return SCANNED.stream().anyMatch(name::endsWith);
    }
}
