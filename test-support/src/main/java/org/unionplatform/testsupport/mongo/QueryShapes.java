package org.unionplatform.testsupport.mongo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonRegularExpression;
import org.bson.BsonValue;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Records the shape of every query a service sends over the MongoDB wire protocol in this JVM: a driver
 * {@link CommandListener} that every Spring test context's {@code MongoClient} gets (see
 * {@link QueryShapeRecordingContextCustomizerFactory}). {@code find}, {@code aggregate} (its leading {@code $match}
 * and {@code $sort}, and each {@code $lookup}'s foreign field), {@code update}, {@code delete},
 * {@code findAndModify}, {@code count} and {@code distinct} are recorded. Queries sent by test code itself (the
 * first platform class on the stack is a test class) are not: a test's own look-ups need no index.
 */
public final class QueryShapes implements CommandListener {

    private static final QueryShapes RECORDER = new QueryShapes();
    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "config", "local");
    private static final Set<String> EQUALITY = Set.of("$eq", "$in");
    private static final Set<String> RANGE = Set.of("$gt", "$gte", "$lt", "$lte");

    private final Map<String, QueryShape> shapes = new ConcurrentHashMap<>();

    private QueryShapes() {
    }

    /** The listener recording into this JVM's shapes. */
    public static CommandListener listener() {
        return RECORDER;
    }

    /** Every shape recorded in this JVM so far, one per distinct shape (the first origin seen). */
    public static List<QueryShape> recorded() {
        return List.copyOf(RECORDER.shapes.values());
    }

    /** Forgets the shapes recorded so far (the tool's own test). */
    static void clear() {
        RECORDER.shapes.clear();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (SYSTEM_DATABASES.contains(event.getDatabaseName())) {
            return;
        }
        List<QueryShape> found;
        try {
            found = shapesOf(event.getCommandName(), event.getCommand(), Origin.find().orElse(null));
        } catch (RuntimeException unexpected) {
            return; // A command this reading does not know: never fail the service's request for it.
        }
        for (QueryShape shape : found) {
            shapes.putIfAbsent(shape.key(), shape);
        }
    }

    /** The shapes of one command; empty for commands that query nothing, or when sent by a test. */
    static List<QueryShape> shapesOf(String name, BsonDocument command, Origin origin) {
        if (origin != null && origin.fromTest()) {
            return List.of();
        }
        String from = origin == null ? null : origin.toString();
        List<QueryShape> shapes = new ArrayList<>();
        switch (name) {
            case "find" -> add(shapes, command.getString("find").getValue(), name, document(command, "filter"),
                    document(command, "sort"), from);
            case "count", "distinct" -> add(shapes, command.getString(name).getValue(), name,
                    document(command, "query"), new BsonDocument(), from);
            case "findAndModify" -> add(shapes, command.getString(name).getValue(), name,
                    document(command, "query"), document(command, "sort"), from);
            case "update" -> statements(command, "updates").forEach(statement ->
                    add(shapes, command.getString(name).getValue(), name, document(statement, "q"),
                            new BsonDocument(), from));
            case "delete" -> statements(command, "deletes").forEach(statement ->
                    add(shapes, command.getString(name).getValue(), name, document(statement, "q"),
                            new BsonDocument(), from));
            case "aggregate" -> {
                if (command.get("aggregate").isString()) {
                    aggregate(shapes, command.getString("aggregate").getValue(), command.getArray("pipeline"), from);
                }
            }
            default -> {
                // Not a query (insert, getMore, createIndexes, hello...).
            }
        }
        return shapes;
    }

    private static void aggregate(List<QueryShape> shapes, String collection, BsonArray pipeline, String from) {
        BsonDocument match = new BsonDocument();
        BsonDocument sort = new BsonDocument();
        boolean leading = true;
        for (BsonValue value : pipeline) {
            BsonDocument stage = value.asDocument();
            if (leading && stage.containsKey("$match")) {
                BsonDocument condition = stage.getDocument("$match");
                match = match.isEmpty() ? condition : new BsonDocument("$and", new BsonArray(List.of(match, condition)));
            } else if (leading && stage.containsKey("$sort")) {
                sort = stage.getDocument("$sort");
                leading = false;
            } else {
                leading = false;
            }
            if (stage.containsKey("$lookup") && stage.getDocument("$lookup").containsKey("foreignField")) {
                BsonDocument lookup = stage.getDocument("$lookup");
                add(shapes, lookup.getString("from").getValue(), "aggregate $lookup",
                        new BsonDocument(lookup.getString("foreignField").getValue(), new BsonDocument("$in",
                                new BsonArray())), new BsonDocument(), from);
            }
        }
        add(shapes, collection, "aggregate", match, sort, from);
    }

    private static void add(List<QueryShape> shapes, String collection, String command, BsonDocument filter,
            BsonDocument sort, String origin) {
        List<QueryShape.SortKey> sortKeys = new ArrayList<>();
        sort.forEach((field, direction) -> {
            if (direction.isNumber()) {
                sortKeys.add(new QueryShape.SortKey(field, direction.asNumber().intValue() < 0 ? -1 : 1));
            }
        });
        for (Conditions branch : reduce(filter, "")) {
            shapes.add(new QueryShape(collection, command, branch.equality, branch.range, sortKeys, origin));
        }
    }

    /** The filter's conditions; a {@code $or} gives one set per branch (each branch needs an index). */
    static List<Conditions> reduce(BsonDocument filter, String prefix) {
        List<Conditions> branches = new ArrayList<>(List.of(new Conditions()));
        for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
            String key = entry.getKey();
            BsonValue value = entry.getValue();
            switch (key) {
                case "$and" -> {
                    for (BsonValue part : value.asArray()) {
                        branches = combine(branches, reduce(part.asDocument(), prefix));
                    }
                }
                case "$or" -> {
                    List<Conditions> alternatives = new ArrayList<>();
                    for (BsonValue part : value.asArray()) {
                        alternatives.addAll(reduce(part.asDocument(), prefix));
                    }
                    branches = combine(branches, alternatives);
                }
                default -> {
                    if (key.startsWith("$")) {
                        continue; // $expr, $nor, $where, $text, $comment: applied to what the index found
                    }
                    Conditions field = condition(prefix + key, value);
                    branches = combine(branches, List.of(field));
                }
            }
        }
        return branches;
    }

    private static Conditions condition(String field, BsonValue value) {
        Conditions conditions = new Conditions();
        if (!value.isDocument() || value.asDocument().isEmpty()
                || !value.asDocument().getFirstKey().startsWith("$")) {
            if (value.isRegularExpression()) {
                if (anchored(value.asRegularExpression())) {
                    conditions.range.add(field);
                }
            } else {
                conditions.equality.add(field);
            }
            return conditions;
        }
        BsonDocument operators = value.asDocument();
        boolean equality = false;
        boolean range = false;
        for (Map.Entry<String, BsonValue> operator : operators.entrySet()) {
            String name = operator.getKey();
            if (EQUALITY.contains(name)) {
                equality = true;
            } else if (RANGE.contains(name)) {
                range = true;
            } else if (name.equals("$regex")) {
                range |= anchored(operator.getValue(), operators.get("$options"));
            } else if (name.equals("$elemMatch")) {
                BsonDocument inner = operator.getValue().asDocument();
                if (!inner.isEmpty() && !inner.getFirstKey().startsWith("$")) {
                    // Conditions on the array's sub-documents: each narrows by "field.sub".
                    List<Conditions> nested = reduce(inner, field + ".");
                    if (nested.size() == 1) {
                        return nested.getFirst();
                    }
                }
                range = true;
            }
            // $ne, $nin, $exists, $not, $size, $type, $all, geo operators: applied after the index.
        }
        if (equality && !range) {
            conditions.equality.add(field);
        } else if (range) {
            conditions.range.add(field);
        }
        return conditions;
    }

    private static boolean anchored(BsonValue pattern, BsonValue options) {
        String text = pattern.isRegularExpression() ? pattern.asRegularExpression().getPattern()
                : pattern.isString() ? pattern.asString().getValue() : "";
        String flags = pattern.isRegularExpression() ? pattern.asRegularExpression().getOptions()
                : options != null && options.isString() ? options.asString().getValue() : "";
        return text.startsWith("^") && !flags.contains("i");
    }

    private static boolean anchored(BsonRegularExpression pattern) {
        return pattern.getPattern().startsWith("^") && !pattern.getOptions().contains("i");
    }

    private static List<Conditions> combine(List<Conditions> left, List<Conditions> right) {
        List<Conditions> combined = new ArrayList<>();
        for (Conditions a : left) {
            for (Conditions b : right) {
                Conditions both = new Conditions();
                both.equality.addAll(a.equality);
                both.range.addAll(a.range);
                both.equality.addAll(b.equality);
                both.range.addAll(b.range);
                // A field with an equality and a range condition is used as a range.
                both.equality.removeAll(both.range);
                combined.add(both);
            }
        }
        return combined;
    }

    private static BsonDocument document(BsonDocument command, String field) {
        BsonValue value = command.get(field);
        return value != null && value.isDocument() ? value.asDocument() : new BsonDocument();
    }

    private static List<BsonDocument> statements(BsonDocument command, String field) {
        BsonValue value = command.get(field);
        if (value == null || !value.isArray()) {
            return List.of();
        }
        return value.asArray().stream().map(BsonValue::asDocument).toList();
    }

    static final class Conditions {
        final Set<String> equality = new LinkedHashSet<>();
        final Set<String> range = new LinkedHashSet<>();
    }

    /** The first platform frame (not this tool, not the platform's test-support) that sent a command. */
    record Origin(String className, String method, boolean fromTest) {

        private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

        static Optional<Origin> find() {
            return WALKER.walk(frames -> frames
                    .filter(frame -> frame.getClassName().startsWith("org.unionplatform.")
                            && !frame.getClassName().startsWith("org.unionplatform.testsupport."))
                    .findFirst()
                    .map(frame -> new Origin(frame.getClassName(), frame.getMethodName(),
                            isTestClass(frame.getDeclaringClass()))));
        }

        private static boolean isTestClass(Class<?> type) {
            var source = type.getProtectionDomain().getCodeSource();
            return source != null && source.getLocation() != null
                    && source.getLocation().getPath().endsWith("/test-classes/");
        }

        @Override
        public String toString() {
            return className.substring(className.lastIndexOf('.') + 1) + "." + method;
        }
    }
}
