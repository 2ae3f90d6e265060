package org.unionplatform.common.structure;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.architecture.StructureRules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The structure rules every service's ArchitectureTest runs, shown failing on what they forbid: fixtures here hold
 * a deliberate cycle between two feature packages and a subscription bound by a string routing key.
 */
class StructureRulesTest {

    private static final String FIXTURES = "org.unionplatform.common.structure.fixture";

    @Test
    void aCycleBetweenFeaturePackagesFails() {
        String base = FIXTURES + ".cycle";

        assertThatThrownBy(() -> StructureRules.featurePackagesAreFreeOfCycles(base).check(classesOf(base)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void anEventTypeWrittenAsAStringFails() {
        String base = FIXTURES + ".strings";

        assertThatThrownBy(() -> StructureRules.eventTypesAreNeverStrings(base).check(classesOf(base)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("EventSubscription.of");
    }

    @Test
    void typedEventsAndSubscriptionsPass() {
        String base = FIXTURES + ".typed";
        JavaClasses classes = classesOf(base);

        assertThatCode(() -> {
            StructureRules.eventTypesAreNeverStrings(base).check(classes);
            StructureRules.publishedEventsAreAnnotatedRecordsInTheEventsPackage(base).check(classes);
            StructureRules.eventRecordsLiveInTheEventsPackage(base).check(classes);
        }).doesNotThrowAnyException();
    }

    private static JavaClasses classesOf(String basePackage) {
        return new ClassFileImporter().importPackages(basePackage);
    }
}
