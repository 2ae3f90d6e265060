package org.unionplatform.testsupport.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The input-hygiene rules every domain service must keep, as ArchUnit rules over its compiled
 * main classes, plus a text scan of its sources for server-side JavaScript operators that bytecode does not show.
 * A service's test calls {@link #check(String)} and {@link #checkSources(Path)}; each rule is also public so a
 * test can check one alone.
 * <p>
 * Over 200 lines on purpose: each rule with its reason and its condition, read as one list.
 */
public final class PlatformArchitectureRules {

    static final String PLATFORM_PACKAGE = "org.unionplatform";
    static final String SHARED_LIBRARY_PACKAGE = "org.unionplatform.common";

    private static final String WEB = "org.springframework.web.bind.annotation.";
    private static final String CONTROLLER = "org.springframework.stereotype.Controller";
    private static final String REST_CONTROLLER = WEB + "RestController";
    private static final String REQUEST_MAPPING = WEB + "RequestMapping";

    /** Bound from somewhere other than the client's body or query string, or resolved by the platform. */
    private static final List<String> NOT_CLIENT_SHAPED = List.of(
            WEB + "RequestHeader", WEB + "CookieValue", WEB + "RequestAttribute", WEB + "SessionAttribute",
            "org.springframework.security.core.annotation.AuthenticationPrincipal");

    /** SpEL evaluated against method arguments, and MongoDB operators that run JavaScript on the server. */
    static final List<String> FORBIDDEN_QUERY_TEXT = List.of("?#{", ":#{", "$where", "$function", "$accumulator");
    static final List<String> SERVER_SIDE_JAVASCRIPT = List.of("$where", "$function", "$accumulator");

    private PlatformArchitectureRules() {
    }

    /**
     * Imports the main classes (no tests) under {@code basePackage} and checks every rule, reporting all
     * violations together.
     */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        if (classes.isEmpty()) {
            throw new AssertionError("No main classes found under " + basePackage + ": nothing would be checked");
        }
        CompositeArchRule.of(rules(basePackage)).check(classes);
    }

    /** Fails naming every file and line under {@code moduleDir}/src/main that mentions server-side JavaScript. */
    public static void checkSources(Path moduleDir) {
        SourceScan.failOnServerSideJavaScript(moduleDir.resolve("src").resolve("main"));
    }

    public static List<ArchRule> rules(String basePackage) {
        return List.of(
                controllersBindOnlyRequestRecordsAndSimpleValues(),
                controllersNeverReturnStoredDocuments(),
                springDataQueriesCarryNoSpelOrServerSideJavaScript(),
                noFieldInjection(),
                noDependencyOnOtherServicesOrTestSupport(basePackage));
    }

    public static ArchRule controllersBindOnlyRequestRecordsAndSimpleValues() {
        return methods().that(areHandlerMethods())
                .should(bindOnlyRequestRecordsAndSimpleValues())
                .because("a Map, JsonNode, BSON document or stored @Document bound from a request can carry query "
                        + "operators and unknown fields straight into MongoDB; request records declare exactly "
                        + "what a client may send, and PageQuery caps the page size")
                .allowEmptyShould(true);
    }

    public static ArchRule controllersNeverReturnStoredDocuments() {
        return methods().that(areHandlerMethods())
                .should(notReturnStoredDocuments())
                .because("a stored @Document on the wire leaks internal fields (versions, paths, encrypted personal "
                        + "data) and ties the API to the storage shape; answer with response records")
                .allowEmptyShould(true);
    }

    public static ArchRule springDataQueriesCarryNoSpelOrServerSideJavaScript() {
        return methods().should(carryNoForbiddenTextInSpringDataAnnotations())
                .because("SpEL in a query (?#{ or :#{) evaluates expressions over caller-supplied arguments, and "
                        + "$where/$function/$accumulator run JavaScript inside MongoDB")
                .allowEmptyShould(true);
    }

    public static ArchRule noFieldInjection() {
        return noFields().should().beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
                .orShould().beAnnotatedWith("jakarta.inject.Inject")
                .orShould().beAnnotatedWith("jakarta.annotation.Resource")
                .because("constructor injection keeps dependencies explicit, final and testable without Spring")
                .allowEmptyShould(true);
    }

    public static ArchRule noDependencyOnOtherServicesOrTestSupport(String basePackage) {
        DescribedPredicate<JavaClass> foreign = resideInAPackage(PLATFORM_PACKAGE + "..")
                .and(DescribedPredicate.not(resideInAnyPackage(basePackage + "..", SHARED_LIBRARY_PACKAGE + "..")))
                .as("another platform module than " + basePackage + " and the shared library");
        return noClasses().that().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat(foreign)
                .because("services own their data and talk over HTTP and the bus only; test support never ships")
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaMethod> areHandlerMethods() {
        return DescribedPredicate.describe("are request handler methods of a controller",
                method -> isController(method.getOwner())
                        && (method.isAnnotatedWith(REQUEST_MAPPING) || method.isMetaAnnotatedWith(REQUEST_MAPPING)));
    }

    private static boolean isController(JavaClass owner) {
        return owner.isAnnotatedWith(REST_CONTROLLER) || owner.isAnnotatedWith(CONTROLLER)
                || owner.isMetaAnnotatedWith(CONTROLLER);
    }

    private static ArchCondition<JavaMethod> bindOnlyRequestRecordsAndSimpleValues() {
        return new ArchCondition<>("bind only request records, simple values, Caller, PageQuery or MultipartFile") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaParameter parameter : method.getParameters()) {
                    if (NOT_CLIENT_SHAPED.stream().anyMatch(parameter::isAnnotatedWith)) {
                        continue;
                    }
                    for (String problem : RequestInputTypes.problemsOf(parameter.getType())) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " parameter "
                                + parameter.getIndex() + " binds " + problem + " in " + location(method)));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaMethod> notReturnStoredDocuments() {
        return new ArchCondition<>("not return a stored @Document") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaClass involved : method.getReturnType().getAllInvolvedRawTypes()) {
                    JavaClass raw = involved.isArray() ? involved.getBaseComponentType() : involved;
                    if (raw.isAnnotatedWith(RequestInputTypes.STORED_DOCUMENT)) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns "
                                + method.getReturnType().getName() + ", which exposes the stored @Document "
                                + raw.getName() + " in " + location(method)));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaMethod> carryNoForbiddenTextInSpringDataAnnotations() {
        return new ArchCondition<>("carry no SpEL or server-side JavaScript in Spring Data annotations") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaAnnotation<JavaMethod> annotation : method.getAnnotations()) {
                    if (!annotation.getRawType().getPackageName().startsWith("org.springframework.data")) {
                        continue;
                    }
                    for (Map.Entry<String, Object> property : annotation.getProperties().entrySet()) {
                        for (String found : forbiddenTextIn(property.getValue())) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " has @"
                                    + annotation.getRawType().getSimpleName() + "(" + property.getKey()
                                    + ") containing " + found + " in " + location(method)));
                        }
                    }
                }
            }
        };
    }

    /** Annotation values are strings, arrays of values, or nested annotations: look through all of them. */
    private static List<String> forbiddenTextIn(Object value) {
        if (value instanceof String text) {
            return FORBIDDEN_QUERY_TEXT.stream().filter(text::contains).toList();
        }
        if (value instanceof Object[] values) {
            return java.util.Arrays.stream(values).flatMap(each -> forbiddenTextIn(each).stream()).toList();
        }
        if (value instanceof JavaAnnotation<?> nested) {
            return nested.getProperties().values().stream().flatMap(each -> forbiddenTextIn(each).stream()).toList();
        }
        return List.of();
    }

    private static String location(JavaMethod method) {
        return method.getSourceCodeLocation().toString();
    }
}
