package org.unionplatform.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The shape every domain service keeps (docs/architecture.md, "One shape for every service"): feature packages
 * free of cycles, each saying what it owns in a {@code package-info.java}; events as typed records in the
 * service's {@code events} package, never strings at a call site; clients of another service in {@code client}.
 * A service's architecture test calls {@link #check(String)}; each rule is public so a test can show it failing.
 */
public final class StructureRules {

    private static final String EVENTS = "org.unionplatform.common.events.";
    private static final String EVENT_TYPE = EVENTS + "EventType";
    private static final String DOMAIN_EVENT = EVENTS + "DomainEvent";
    private static final String SUBSCRIPTION = EVENTS + "EventSubscription";
    private static final String OUTBOX_AGGREGATE = EVENTS + "OutboxAggregate";

    private StructureRules() {
    }

    public static void check(String basePackage) {
        JavaClasses classes = importMain(basePackage);
        CompositeArchRule.of(rules(basePackage)).check(classes);
    }

    public static JavaClasses importMain(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        if (classes.isEmpty()) {
            throw new AssertionError("No main classes found under " + basePackage + ": nothing would be checked");
        }
        return classes;
    }

    public static List<ArchRule> rules(String basePackage) {
        return List.of(
                featurePackagesAreFreeOfCycles(basePackage),
                featurePackagesSayWhatTheyOwn(basePackage),
                publishedEventsAreAnnotatedRecordsInTheEventsPackage(basePackage),
                eventRecordsLiveInTheEventsPackage(basePackage),
                eventTypesAreNeverStrings(basePackage));
    }

    /** Feature packages ({@code <base>.<feature>..}) may depend on each other in one direction only. */
    public static ArchRule featurePackagesAreFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
                .because("a feature that imports another which imports it back cannot be read, tested or moved alone; "
                        + "turn one direction into an event or an interface owned by the lower feature")
                .allowEmptyShould(true);
    }

    /** Every feature package directly under the base package has a {@code package-info.java}. */
    public static ArchRule featurePackagesSayWhatTheyOwn(String basePackage) {
        return classes().that().resideInAPackage(basePackage + ".*")
                .should(new ArchCondition<JavaClass>("reside in a feature package with a package-info.java") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        JavaPackage feature = item.getPackage();
                        if (feature.tryGetPackageInfo().isEmpty()) {
                            events.add(SimpleConditionEvent.violated(item, "package " + feature.getName()
                                    + " has no package-info.java saying what it owns"));
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    /** What a service publishes is a record implementing DomainEvent, annotated with its type, in {@code events}. */
    public static ArchRule publishedEventsAreAnnotatedRecordsInTheEventsPackage(String basePackage) {
        return classes().that().implement(DOMAIN_EVENT).and().resideInAPackage(basePackage + "..")
                .should().beRecords().andShould().beAnnotatedWith(EVENT_TYPE)
                .andShould().resideInAPackage(basePackage + ".events")
                .because("a reader finds every event the service publishes, with its type and version, in one package")
                .allowEmptyShould(true);
    }

    /** Every record annotated with an event type, published or read, is in the service's {@code events} package. */
    public static ArchRule eventRecordsLiveInTheEventsPackage(String basePackage) {
        return classes().that().areAnnotatedWith(EVENT_TYPE).and().resideInAPackage(basePackage + "..")
                .should().beRecords().andShould().resideInAPackage(basePackage + ".events")
                .because("what a service publishes and what it reads are listed in one package, beside Subscriptions")
                .allowEmptyShould(true);
    }

    /**
     * No main class of a service uses the string-typed event API: subscriptions by raw routing keys
     * ({@code EventSubscription.of} or its constructor) or registering an event under a string type.
     */
    public static ArchRule eventTypesAreNeverStrings(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..")
                .should().callMethodWhere(target(SUBSCRIPTION, "of"))
                .orShould().callConstructorWhere(target(SUBSCRIPTION, "<init>"))
                .orShould().callMethodWhere(stringTypedRegistration())
                .because("an event type is declared once, with @EventType on its record; a string at a call site "
                        + "drifts from the producer and from docs/events.md")
                .allowEmptyShould(true);
    }

    private static com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaCall<?>> target(
            String owner, String name) {
        return com.tngtech.archunit.base.DescribedPredicate.describe(owner + "." + name,
                call -> call.getTargetOwner().getName().equals(owner) && call.getName().equals(name));
    }

    private static com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaCall<?>>
            stringTypedRegistration() {
        return com.tngtech.archunit.base.DescribedPredicate.describe("registerEvent with a string type",
                call -> call.getName().equals("registerEvent")
                        && call.getTarget().getRawParameterTypes().stream()
                                .anyMatch(type -> type.getName().equals(String.class.getName()))
                        && (call.getTargetOwner().getName().equals(OUTBOX_AGGREGATE)
                                || call.getTargetOwner().isAssignableTo(OUTBOX_AGGREGATE)));
    }
}
