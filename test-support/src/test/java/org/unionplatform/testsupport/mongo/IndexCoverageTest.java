package org.unionplatform.testsupport.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.TestInfrastructure;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * The tool on the wire: commands a driver really sends to the test MongoDB, reduced to shapes, checked against the
 * indexes it lists; then an index is dropped and the check fails, naming the index to add.
 */
class IndexCoverageTest {

    private final List<QueryShape> sent = new ArrayList<>();
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void connect() {
        CommandListener capture = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                // The command is only readable during the callback.
                sent.addAll(QueryShapes.shapesOf(event.getCommandName(), event.getCommand(), null));
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestInfrastructure.mongoUri()))
                .addCommandListener(capture).build());
        database = client.getDatabase(TestInfrastructure.newDatabaseName());
    }

    @AfterEach
    void drop() {
        database.drop();
        client.close();
    }

    @Test
    void passesWhileEveryQueryHasAnIndexAndFailsNamingTheIndexOnceItIsDropped() {
        var visits = database.getCollection("visits");
        visits.createIndex(Indexes.compoundIndex(Indexes.ascending("stationId"), Indexes.descending("day")),
                new IndexOptions().name("stationId_day"));
        visits.createIndex(Indexes.ascending("visitId"), new IndexOptions().unique(true));
        visits.insertOne(new Document("_id", "v1").append("stationId", "s1").append("day", "2026-12-01")
                .append("visitId", "x1"));

        visits.find(eq("stationId", "s1")).sort(Sorts.descending("day")).first();
        visits.find(and(eq("stationId", "s1"), gte("day", "2026-11-01"))).sort(Sorts.ascending("day")).first();
        visits.updateOne(and(eq("_id", "v1"), ne("appliedEvents", "e1")), Updates.set("counted", true));
        visits.find(and(eq("visitId", "x1"), eq("stationId", "s1"))).first();
        visits.aggregate(List.of(Aggregates.match(eq("stationId", "s1")),
                Aggregates.group("$day", Accumulators.sum("n", 1)))).first();
        visits.deleteMany(and(eq("stationId", "s1"), lt("day", "2020-01-01")));
        List<QueryShape> shapes = shapes();
        assertThat(shapes).hasSizeGreaterThanOrEqualTo(6);

        IndexCoverage.of(database).check(shapes);

        visits.dropIndex("stationId_day");
        assertThatThrownBy(() -> IndexCoverage.of(database).check(shapes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("4 queries are served by no index")
                .hasMessageContaining("visits find {stationId: =} sort {day: -1}")
                .hasMessageContaining("@CompoundIndex(name = \"stationId_day\", def = \"{'stationId': 1, 'day': -1}\")")
                .hasMessageContaining("visits aggregate {stationId: =}")
                .hasMessageContaining("@Indexed on field \"stationId\"")
                .hasMessageContaining("indexes now: _id_ {_id: 1} unique, visitId_1 {visitId: 1} unique");
    }

    @Test
    void aCollectionScannedOnPurposeIsNamedAndPasses() {
        database.getCollection("regions").find(eq("name", "华东")).first();

        assertThatThrownBy(() -> IndexCoverage.of(database).check(shapes())).isInstanceOf(AssertionError.class);
        IndexCoverage.of(database).allowScan("regions", "thirty documents, read whole").check(shapes());
    }

    @Test
    void shapesFollowMongoDbsPrefixRules() {
        var index = new IndexCoverage.Index("a_b_c", List.of(new QueryShape.SortKey("a", 1),
                new QueryShape.SortKey("b", -1), new QueryShape.SortKey("c", 1)), false);

        assertThat(index.serves(shape(eq("a", 1)))).isTrue();
        assertThat(index.serves(shape(and(eq("a", 1), gte("c", 2))))).as("range after a skipped key").isTrue();
        assertThat(index.serves(shape(eq("b", 1)))).as("not a prefix").isFalse();
        assertThat(index.serves(shape(gte("a", 1)))).as("range on the first key").isTrue();
        assertThat(index.serves(shape(gte("b", 1)))).isFalse();
        assertThat(index.serves(shape(eq("a", 1), "b", -1, "c", 1))).isTrue();
        assertThat(index.serves(shape(eq("a", 1), "b", 1, "c", -1))).as("all reversed").isTrue();
        assertThat(index.serves(shape(eq("a", 1), "b", 1, "c", 1))).as("mixed directions").isFalse();
        assertThat(index.serves(shape(eq("a", 1), "c", 1))).as("sort skips a key").isFalse();
        assertThat(index.serves(shape(and(eq("a", 1), eq("b", 2)), "c", 1))).isTrue();
        assertThat(index.serves(shape(new Document(), "a", 1, "b", -1))).as("sort alone").isTrue();
        assertThat(index.serves(shape(and(eq("a", 1), ne("z", 2), regex("b", "^x"))))).isTrue();

        List<QueryShape> either = QueryShapes.shapesOf("find", find(or(eq("a", 1), eq("z", 2))), null);
        assertThat(either).extracting(QueryShape::equality).containsExactly(java.util.Set.of("a"),
                java.util.Set.of("z"));
        assertThat(index.serves(either.get(0))).isTrue();
        assertThat(index.serves(either.get(1))).as("each branch of $or needs an index").isFalse();

        QueryShape elemMatch = QueryShapes.shapesOf("find", find(new Document("outbox",
                new Document("$elemMatch", new Document("dueAt", new Document("$lte", 5))))), null).getFirst();
        assertThat(elemMatch.range()).containsExactly("outbox.dueAt");
        assertThat(QueryShapes.shapesOf("find", find(regex("name", "^li", "i")), null).getFirst().range())
                .as("a case-insensitive regex bounds nothing").isEmpty();
    }

    @Test
    void suggestsEqualityThenSortThenRange() {
        QueryShape shape = shape(and(eq("status", "A"), gte("day", 1), eq("stationId", "s")), "createdAt", -1);

        assertThat(IndexCoverage.suggestedKeys(shape)).extracting(QueryShape.SortKey::field)
                .containsExactly("status", "stationId", "createdAt", "day");
    }

    private List<QueryShape> shapes() {
        return List.copyOf(sent);
    }

    private static QueryShape shape(Bson filter, Object... sort) {
        BsonDocument command = find(filter);
        BsonDocument order = new BsonDocument();
        for (int i = 0; i < sort.length; i += 2) {
            order.append((String) sort[i], new org.bson.BsonInt32((Integer) sort[i + 1]));
        }
        command.append("sort", order);
        return QueryShapes.shapesOf("find", command, null).getFirst();
    }

    private static BsonDocument find(Bson filter) {
        return new BsonDocument("find", new org.bson.BsonString("c")).append("filter", filter.toBsonDocument());
    }

}
