package org.unionplatform.testsupport.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;

/**
 * Checks docs/events.md against one service's code: every event record it publishes (a {@code DomainEvent} with
 * {@code @EventType}) has a row naming it as producer with the same version and payload fields in order; every
 * event record it reads has a row listing it as a consumer; and no row names the service for an event it does not
 * publish or read. Each service's events test calls {@link #verify(String, String)}, so a change on either side
 * fails the build of the service that drifted.
 */
public final class EventCatalogue {

    static final String DOCUMENT = "docs/events.md";
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9.-]+)`\\s*\\|(.*)\\|\\s*$");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    /** One row of the table: type, version, producer, payload fields, consuming services. */
    public record Row(String type, int version, String producer, List<String> fields, List<String> consumers) {
    }

    /** What a service's code says: the records it publishes and the types it reads. */
    public record Declared(String type, int version, boolean published, List<String> fields) {
    }

    private EventCatalogue() {
    }

    public static void verify(String service, String basePackage) {
        List<String> problems = problems(service, declaredIn(basePackage), rows(read(locate())));
        if (!problems.isEmpty()) {
            throw new AssertionError(DOCUMENT + " disagrees with " + service + "'s code:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    public static List<String> problems(String service, List<Declared> declared, Map<String, Row> rows) {
        List<String> problems = new ArrayList<>();
        for (Declared event : declared) {
            Row row = rows.get(event.type());
            if (row == null) {
                problems.add("no row for " + event.type() + (event.published() ? ", which it publishes" : ", which it reads"));
            } else if (event.published()) {
                if (!row.producer().equals(service)) {
                    problems.add(event.type() + ": the row names " + row.producer() + " as producer");
                }
                if (row.version() != event.version()) {
                    problems.add(event.type() + ": version " + row.version() + " in the document, " + event.version() + " in the code");
                }
                if (!row.fields().equals(event.fields())) {
                    problems.add(event.type() + ": payload " + row.fields() + " in the document, " + event.fields() + " in the code");
                }
            } else if (!row.consumers().contains(service)) {
                problems.add(event.type() + ": the row does not list " + service + " among its consumers");
            }
        }
        for (Row row : rows.values()) {
            if (row.producer().equals(service) && declared.stream().noneMatch(d -> d.published() && d.type().equals(row.type()))) {
                problems.add(row.type() + ": the document says " + service + " publishes it; no event record does");
            }
            if (row.consumers().contains(service) && declared.stream().noneMatch(d -> !d.published() && d.type().equals(row.type()))) {
                problems.add(row.type() + ": the document says " + service + " reads it; no subscription record does");
            }
        }
        return problems;
    }

    /** The event records under {@code basePackage}, read from the compiled classes. */
    public static List<Declared> declaredIn(String basePackage) {
        List<Declared> declared = new ArrayList<>();
        for (JavaClass javaClass : StructureRules.importMain(basePackage)) {
            if (!javaClass.isAnnotatedWith("org.unionplatform.common.events.EventType")) {
                continue;
            }
            Class<?> type = javaClass.reflect();
            Annotation annotation = Arrays.stream(type.getAnnotations())
                    .filter(a -> a.annotationType().getName().equals("org.unionplatform.common.events.EventType"))
                    .findFirst().orElseThrow();
            boolean published = javaClass.isAssignableTo("org.unionplatform.common.events.DomainEvent");
            List<String> fields = type.isRecord()
                    ? Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList() : List.of();
            declared.add(new Declared((String) attribute(annotation, "value"), (Integer) attribute(annotation, "version"),
                    published, published ? fields : List.of()));
        }
        return declared;
    }

    public static Map<String, Row> rows(String markdown) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : markdown.split("\n")) {
            Matcher row = ROW.matcher(line.strip());
            if (!row.matches()) {
                continue;
            }
            String[] cells = row.group(2).split("\\|", -1);
            if (cells.length < 4) {
                throw new AssertionError(DOCUMENT + ": a row needs version, producer, payload and consumers: " + line);
            }
            List<String> fields = new ArrayList<>();
            Matcher field = BACKTICKED.matcher(cells[2]);
            while (field.find()) {
                fields.add(field.group(1));
            }
            TreeSet<String> consumers = new TreeSet<>();
            for (String consumer : cells[3].split(",")) {
                String name = consumer.strip().split("[\\s(]")[0];
                if (!name.isEmpty() && !name.equals("-") && !name.equals("—")) {
                    consumers.add(name);
                }
            }
            rows.put(row.group(1), new Row(row.group(1), Integer.parseInt(cells[0].strip()), cells[1].strip(),
                    fields, List.copyOf(consumers)));
        }
        return rows;
    }

    private static Object attribute(Annotation annotation, String name) {
        try {
            return annotation.annotationType().getMethod(name).invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DOCUMENT);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(DOCUMENT + " not found above " + Path.of("").toAbsolutePath());
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
