package org.unionplatform.testsupport.architecture;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaGenericArrayType;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.domain.JavaWildcardType;

/**
 * What a controller may let a client bind: request records (whose components follow the same rule, all the way
 * down), simple values, collections of those, flat typed maps, and the few platform types a resolver fills in.
 * Everything else is reported with the path to the offending type, so a free-form structure (a {@code Map} of
 * anything, a JSON tree, a BSON document) can never ride from a request into a query.
 *
 * <p>A map is accepted only with String or enum keys and values that pass these same rules ({@code Map<String,
 * Integer>}, {@code Map<DayOfWeek, List<TimeRange>>}): its shape is declared, Jackson rejects values of another type,
 * and the Bean Validation on its key (a known worker type, a checklist code) bounds what the keys may be. Bytecode
 * does not carry those type-use constraints, so String keys must be validated where the map is declared.
 */
final class RequestInputTypes {

    static final String STORED_DOCUMENT = "org.springframework.data.mongodb.core.mapping.Document";

    private static final String MAP = "java.util.Map";

    /** Types that would let a client send an arbitrary structure (or, for Pageable, an unbounded page). */
    private static final List<String> FREE_FORM = List.of(
            "org.bson.conversions.Bson",
            "org.bson.BsonValue",
            "com.mongodb.DBObject",
            "tools.jackson.databind.JsonNode",
            "com.fasterxml.jackson.databind.JsonNode",
            "org.springframework.data.domain.Pageable",
            "org.springframework.data.domain.Sort");

    /** Wrappers whose element types are checked instead. */
    private static final Set<String> CONTAINERS = Set.of(
            "java.util.List", "java.util.Set", "java.util.SortedSet", "java.util.Collection", "java.util.Optional");

    /** Filled in by the platform or the framework, never shaped by the client's JSON. */
    private static final Set<String> RESOLVED_BY_PLATFORM = Set.of(
            "org.unionplatform.common.security.Caller",
            "org.unionplatform.common.web.PageQuery",
            "org.springframework.web.multipart.MultipartFile");

    private static final Set<String> SIMPLE = Set.of(
            "java.lang.String", "java.lang.Boolean", "java.lang.Character", "java.util.UUID");

    private RequestInputTypes() {
    }

    /** Descriptions of what is wrong with binding a value of {@code type}; empty when it is acceptable. */
    static List<String> problemsOf(JavaType type) {
        List<String> problems = new ArrayList<>();
        if (isMap(type.toErasure())) {
            // A map parameter takes every key the client sends (all query parameters, any JSON object).
            problems.add(type.getName() + ": a Map parameter is free-form input, bind a request record");
            return problems;
        }
        collect(type, type.getName(), new HashSet<>(), problems);
        return problems;
    }

    private static void collect(JavaType type, String path, Set<String> visited, List<String> problems) {
        switch (type) {
            case JavaParameterizedType parameterized -> collectParameterized(parameterized, path, visited, problems);
            case JavaGenericArrayType array -> collect(array.getComponentType(), path, visited, problems);
            case JavaWildcardType wildcard -> wildcard.getUpperBounds()
                    .forEach(bound -> collect(bound, path, visited, problems));
            case JavaTypeVariable<?> variable -> variable.getUpperBounds()
                    .forEach(bound -> collect(bound, path, visited, problems));
            case JavaClass raw -> collectRaw(raw.isArray() ? raw.getBaseComponentType() : raw, path, visited,
                    problems);
            default -> problems.add(path + ": " + type.getName() + " is a type the rule cannot judge");
        }
    }

    private static void collectParameterized(JavaParameterizedType type, String path, Set<String> visited,
            List<String> problems) {
        JavaClass raw = type.toErasure();
        List<JavaType> arguments = type.getActualTypeArguments();
        if (isMap(raw) && arguments.size() == 2) {
            JavaClass key = arguments.get(0).toErasure();
            if (!(key.isEnum() || key.getName().equals("java.lang.String"))) {
                problems.add(path + ": map keys of type " + key.getName() + " (use String or an enum)");
            }
            collect(arguments.get(1), path, visited, problems);
        } else if (CONTAINERS.contains(raw.getName())) {
            arguments.forEach(argument -> collect(argument, path, visited, problems));
        } else {
            collectRaw(raw, path, visited, problems);
        }
    }

    private static void collectRaw(JavaClass raw, String path, Set<String> visited, List<String> problems) {
        String problem = problemOf(raw);
        if (problem != null) {
            problems.add(path + ": " + problem);
        } else if (raw.isRecord() && !RESOLVED_BY_PLATFORM.contains(raw.getName()) && visited.add(raw.getName())) {
            for (JavaField component : raw.getFields()) {
                if (!component.getModifiers().contains(JavaModifier.STATIC)) {
                    collect(component.getType(), path + " > " + raw.getSimpleName() + "." + component.getName(),
                            visited, problems);
                }
            }
        }
    }

    private static boolean isMap(JavaClass raw) {
        return raw.getName().equals(MAP) || raw.isAssignableTo(MAP);
    }

    private static String problemOf(JavaClass raw) {
        if (raw.isAnnotatedWith(STORED_DOCUMENT)) {
            return raw.getName() + " is a stored @Document, bind a request record instead";
        }
        if (raw.getName().equals("java.lang.Object")) {
            return "java.lang.Object accepts any JSON structure";
        }
        for (String freeForm : FREE_FORM) {
            if (raw.getName().equals(freeForm) || raw.isAssignableTo(freeForm)) {
                return raw.getName() + " is free-form input (" + freeForm + ")";
            }
        }
        if (isMap(raw)) {
            return raw.getName() + " without declared key and value types is free-form input";
        }
        if (CONTAINERS.contains(raw.getName())) {
            return raw.getName() + " without a declared element type accepts any JSON structure";
        }
        if (isSimple(raw) || RESOLVED_BY_PLATFORM.contains(raw.getName()) || raw.isRecord()) {
            return null;
        }
        return raw.getName() + " is neither a request record nor a simple value";
    }

    private static boolean isSimple(JavaClass raw) {
        return raw.isPrimitive() || raw.isEnum() || SIMPLE.contains(raw.getName())
                || raw.isAssignableTo(Number.class) || raw.getPackageName().equals("java.time");
    }
}
