package org.unionplatform.common.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.architecture.StructureRules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The shared library's own packages: no cycles between them, and each says what it owns. */
class PackageStructureTest {

    private static final String BASE = "org.unionplatform.common";
    private static final JavaClasses MAIN = StructureRules.importMain(BASE);

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void everyPackageHasAPackageInfo() {
        classes().that().resideInAPackage(BASE + "..")
                .should(new ArchCondition<JavaClass>("reside in a package with a package-info.java") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        if (item.getPackage().tryGetPackageInfo().isEmpty()) {
                            events.add(SimpleConditionEvent.violated(item,
                                    "package " + item.getPackageName() + " has no package-info.java"));
                        }
                    }
                })
                .check(MAIN);
    }
}
