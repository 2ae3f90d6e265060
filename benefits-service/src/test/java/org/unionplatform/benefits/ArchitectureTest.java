package org.unionplatform.benefits;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.architecture.PlatformArchitectureRules;
import org.unionplatform.testsupport.architecture.StructureRules;

/** The platform's input-hygiene and structure rules, over this service's main classes and sources. */
class ArchitectureTest {

    @Test
    void mainClassesKeepThePlatformArchitectureRules() {
        PlatformArchitectureRules.check("org.unionplatform.benefits");
    }

    @Test
    void featurePackagesAreFreeOfCyclesAndEventsAreTypedRecords() {
        StructureRules.check("org.unionplatform.benefits");
    }

    @Test
    void mainSourcesUseNoServerSideJavaScript() {
        // Surefire runs in the module's own directory.
        PlatformArchitectureRules.checkSources(Path.of(""));
    }
}
