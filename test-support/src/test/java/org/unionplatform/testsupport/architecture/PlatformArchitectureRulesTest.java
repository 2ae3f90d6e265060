package org.unionplatform.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.CompositeArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformArchitectureRulesTest {

    private static final String CLEAN = "org.unionplatform.testsupport.architecture.samples.clean";
    private static final String BROKEN = "org.unionplatform.testsupport.architecture.samples.broken";

    private static final JavaClasses clean = new ClassFileImporter().importPackages(CLEAN);
    private static final JavaClasses broken = new ClassFileImporter().importPackages(BROKEN);

    @Test
    void requestRecordsSimpleValuesAndResponseRecordsKeepEveryRule() {
        assertThatCode(() -> CompositeArchRule.of(PlatformArchitectureRules.rules(CLEAN)).check(clean))
                .doesNotThrowAnyException();
    }

    @Test
    void freeFormMapsObjectsPageablesAndStoredDocumentsBoundFromRequestsAreReported() {
        assertThatThrownBy(() -> PlatformArchitectureRules.controllersBindOnlyRequestRecordsAndSimpleValues()
                .check(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("searchByMap(java.util.Map) parameter 0 binds java.util.Map<java.lang.String, "
                        + "java.lang.Object>: a Map parameter is free-form input")
                .hasMessageContaining("allParameters(java.util.Map) parameter 0 binds java.util.Map<java.lang.String, "
                        + "java.lang.String>: a Map parameter is free-form input")
                .hasMessageContaining("Nested.extra: java.lang.Object accepts any JSON structure")
                .hasMessageContaining("Nested.byFilter: map keys of type")
                .hasMessageContaining("Nested.rawList: java.util.List without a declared element type")
                .hasMessageContaining("Filter.anything: java.lang.Object accepts any JSON structure")
                .hasMessageContaining("bindStored").hasMessageContaining("is a stored @Document")
                .hasMessageContaining("org.springframework.data.domain.Pageable");
    }

    @Test
    void storedDocumentsReturnedDirectlyOrInsideGenericsAreReported() {
        assertThatThrownBy(() -> PlatformArchitectureRules.controllersNeverReturnStoredDocuments().check(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("BrokenController.one()")
                .hasMessageContaining("BrokenController.many()")
                .hasMessageNotContaining("bindStored");
    }

    @Test
    void spelAndServerSideJavaScriptInQueryAnnotationsAreReported() {
        assertThatThrownBy(() -> PlatformArchitectureRules.springDataQueriesCarryNoSpelOrServerSideJavaScript()
                .check(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("bySpel(java.lang.String) has @Query(value) containing ?#{")
                .hasMessageContaining("byJavaScript() has @Query(value) containing $where")
                .hasMessageContaining("byFunction() has @Aggregation(value) containing $function");
    }

    @Test
    void autowiredFieldsAreReported() {
        assertThatThrownBy(() -> PlatformArchitectureRules.noFieldInjection().check(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("FieldInjected.repository");
    }

    @Test
    void mainCodeReachingIntoAnotherPlatformModuleIsReported() {
        assertThatThrownBy(() -> PlatformArchitectureRules.noDependencyOnOtherServicesOrTestSupport(BROKEN)
                .check(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.unionplatform.testsupport.TcpProxy");
    }

    @Test
    void checkingAPackageWithoutClassesFailsInsteadOfPassingVacuously() {
        assertThatThrownBy(() -> PlatformArchitectureRules.check("org.unionplatform.nosuchservice"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No main classes found");
    }

    @Test
    void sourceScanNamesEveryFileAndLineMentioningServerSideJavaScript(@TempDir Path module) throws IOException {
        Path code = Files.createDirectories(module.resolve("src/main/java/org/example"));
        Files.writeString(code.resolve("Clean.java"), "class Clean { String q = \"{ name: ?0 }\"; }\n");
        Files.writeString(code.resolve("Risky.java"),
                "class Risky {\n  Object c = Criteria.where(\"$where\");\n  String f = \"$function\";\n}\n");
        Path resources = Files.createDirectories(module.resolve("src/main/resources"));
        Files.writeString(resources.resolve("queries.properties"), "q={ $accumulator: {} }\n");

        assertThat(SourceScan.findings(module.resolve("src/main"))).containsExactly(
                "java/org/example/Risky.java:2: $where",
                "java/org/example/Risky.java:3: $function",
                "resources/queries.properties:1: $accumulator");
        assertThatThrownBy(() -> PlatformArchitectureRules.checkSources(module))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Risky.java:2: $where");
    }

    @Test
    void sourceScanPassesCleanSourcesAndRefusesAModuleWithoutSources(@TempDir Path module) throws IOException {
        Path code = Files.createDirectories(module.resolve("src/main/java"));
        Files.writeString(code.resolve("Clean.java"), "class Clean { }\n");

        assertThatCode(() -> PlatformArchitectureRules.checkSources(module)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PlatformArchitectureRules.checkSources(module.resolve("elsewhere")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("nothing would be scanned");
    }
}
