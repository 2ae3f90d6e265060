package org.unionplatform.testsupport.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;

import com.mongodb.client.MongoDatabase;

/**
 * Checks query shapes ({@link QueryShapes#recorded()}) against the indexes the database lists, with MongoDB's
 * prefix rules: an index serves a query when its leading keys are equality fields of the query (or, with none, a
 * range or the sort), and the query's sort (less the fields fixed by equality) follows those keys in order, all in
 * the same or all in the opposite direction; a unique index whose keys are all fixed by equality finds the one
 * document whatever else the query asks. {@code _id} is always indexed. The failure names, for each query no index
 * serves, the index to add: equality fields, then the sort, then the range fields.
 */
public final class IndexCoverage {

    private final MongoDatabase database;
    private final Map<String, String> scannedOnPurpose = new LinkedHashMap<>();
    private final Map<String, List<Index>> indexes = new HashMap<>();

    private IndexCoverage(MongoDatabase database) {
        this.database = database;
    }

    /** Checks against the indexes of this database (a service's test database: its start-up created them). */
    public static IndexCoverage of(MongoDatabase database) {
        return new IndexCoverage(database);
    }

    /** A collection read without an index on purpose (small, or read whole anyway); the reason is for the reader. */
    public IndexCoverage allowScan(String collection, String reason) {
        scannedOnPurpose.put(collection, reason);
        return this;
    }

    /** Fails, naming the index to add for each, when a shape is served by no index. */
    public void check(Collection<QueryShape> shapes) {
        List<String> problems = new ArrayList<>();
        for (QueryShape shape : sorted(shapes)) {
            if (!served(shape)) {
                problems.add(explain(shape));
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " quer" + (problems.size() == 1 ? "y is" : "ies are")
                    + " served by no index (declare it with @Indexed/@CompoundIndex on the @Document, "
                    + "auto-index-creation creates it at start-up; for a collection without an entity, "
                    + "IndexOperations.ensureIndex at start-up):\n\n" + String.join("\n\n", problems));
        }
    }

    /** The shapes no index serves. */
    public List<QueryShape> unserved(Collection<QueryShape> shapes) {
        return sorted(shapes).stream().filter(shape -> !served(shape)).toList();
    }

    boolean served(QueryShape shape) {
        if (shape.isUnfiltered() || scannedOnPurpose.containsKey(shape.collection())) {
            return true;
        }
        return indexesOf(shape.collection()).stream().anyMatch(index -> index.serves(shape));
    }

    private String explain(QueryShape shape) {
        List<QueryShape.SortKey> wanted = suggestedKeys(shape);
        String existing = indexesOf(shape.collection()).stream().map(Index::toString)
                .collect(Collectors.joining(", "));
        return "- " + shape + "\n  add on the @Document of \"" + shape.collection() + "\": " + annotation(wanted)
                + "\n  indexes now: " + existing;
    }

    /** Equality fields, then the sort, then the range fields (MongoDB's ESR rule). */
    static List<QueryShape.SortKey> suggestedKeys(QueryShape shape) {
        List<QueryShape.SortKey> keys = new ArrayList<>();
        shape.equality().forEach(field -> keys.add(new QueryShape.SortKey(field, 1)));
        keys.addAll(shape.effectiveSort());
        shape.range().stream().filter(field -> keys.stream().noneMatch(key -> key.field().equals(field)))
                .forEach(field -> keys.add(new QueryShape.SortKey(field, 1)));
        return keys;
    }

    private static String annotation(List<QueryShape.SortKey> keys) {
        if (keys.size() == 1 && keys.getFirst().direction() == 1) {
            return "@Indexed on field \"" + keys.getFirst().field() + "\"";
        }
        String name = keys.stream().map(QueryShape.SortKey::field).map(field -> field.replace('.', '_'))
                .collect(Collectors.joining("_"));
        String definition = keys.stream().map(key -> "'" + key.field() + "': " + key.direction())
                .collect(Collectors.joining(", "));
        return "@CompoundIndex(name = \"" + name + "\", def = \"{" + definition + "}\")";
    }

    private List<Index> indexesOf(String collection) {
        return indexes.computeIfAbsent(collection, name -> {
            List<Index> listed = new ArrayList<>();
            for (Document description : database.getCollection(name).listIndexes()) {
                listed.add(Index.of(description));
            }
            if (listed.isEmpty()) {
                // Not created in this database (documents only written elsewhere): MongoDB indexes _id anyway.
                listed.add(new Index("_id_", List.of(new QueryShape.SortKey("_id", 1)), true));
            }
            return listed;
        });
    }

    private static List<QueryShape> sorted(Collection<QueryShape> shapes) {
        return shapes.stream().sorted(Comparator.comparing(QueryShape::toString)).toList();
    }

    /** One listed index: its keys in order, and whether it is unique. */
    record Index(String name, List<QueryShape.SortKey> keys, boolean unique) {

        static Index of(Document description) {
            List<QueryShape.SortKey> keys = new ArrayList<>();
            description.get("key", Document.class).forEach((field, direction) -> keys.add(new QueryShape.SortKey(
                    field, direction instanceof Number number && number.intValue() < 0 ? -1 : 1)));
            String name = description.getString("name");
            return new Index(name, keys, "_id_".equals(name) || Boolean.TRUE.equals(description.get("unique")));
        }

        boolean serves(QueryShape shape) {
            int fixed = 0;
            while (fixed < keys.size() && shape.equality().contains(keys.get(fixed).field())) {
                fixed++;
            }
            if (unique && fixed == keys.size()) {
                return true; // at most one document: the rest of the query is applied to it
            }
            List<QueryShape.SortKey> sort = shape.effectiveSort();
            boolean bounded = fixed > 0 || (shape.equality().isEmpty()
                    && (!sort.isEmpty() || (fixed < keys.size() && shape.range().contains(keys.get(fixed).field()))));
            return bounded && sortFollows(sort, fixed);
        }

        /** The sort keys are the index keys right after the fixed ones, all the same or all reversed. */
        private boolean sortFollows(List<QueryShape.SortKey> sort, int from) {
            if (sort.isEmpty()) {
                return true;
            }
            if (from + sort.size() > keys.size()) {
                return false;
            }
            Boolean reversed = null;
            for (int i = 0; i < sort.size(); i++) {
                QueryShape.SortKey wanted = sort.get(i);
                QueryShape.SortKey key = keys.get(from + i);
                if (!key.field().equals(wanted.field())) {
                    return false;
                }
                boolean flipped = key.direction() != wanted.direction();
                if (reversed != null && reversed != flipped) {
                    return false;
                }
                reversed = flipped;
            }
            return true;
        }

        @Override
        public String toString() {
            return name + " {" + keys.stream().map(QueryShape.SortKey::toString).collect(Collectors.joining(", "))
                    + "}" + (unique ? " unique" : "");
        }
    }
}
