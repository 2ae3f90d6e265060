package org.unionplatform.common.orgpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.testsupport.TestInfrastructure;

/** Moving a subtree rewrites the stored scope paths under it, once, and nothing else. */
class OrgPathRewriterIT {

    @Document("scoped_things")
    record ScopedThing(@Id String id, String orgPath) {
    }

    @Document("unscoped_things")
    record UnscopedThing(@Id String id, String name) {
    }

    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void connect() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        mongo = new MongoTemplate(client, TestInfrastructure.newDatabaseName());
        mongo.save(new ScopedThing("a", "/sx/xa/bl/"));
        mongo.save(new ScopedThing("b", "/sx/xa/bl/street-1/"));
        mongo.save(new ScopedThing("c", "/sx/xa/blx/"));
        mongo.save(new ScopedThing("d", "/sx/xy/"));
        mongo.save(new UnscopedThing("e", "x"));
    }

    @AfterEach
    void drop() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void onlyTheNamedCollectionsFollowMoves() {
        mongo.save(new ScopedThing("z", "/sx/xa/bl/"), "other_scoped_things");

        new OrgPathRewriter(mongo, List.of("scoped_things")).rewrite("/sx/xa/bl/", "/sx/yl/bl/");

        assertThat(mongo.findById("z", ScopedThing.class, "other_scoped_things").orgPath())
                .as("a collection the service did not name is left alone").isEqualTo("/sx/xa/bl/");
        assertThatThrownBy(() -> new OrgPathRewriter(mongo, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void movingASubtreeRewritesEveryPathUnderItOnlyOnce() {
        OrgPathRewriter rewriter = new OrgPathRewriter(mongo, List.of("scoped_things"));

        long changed = rewriter.rewrite("/sx/xa/bl/", "/sx/yl/bl/");
        long again = rewriter.rewrite("/sx/xa/bl/", "/sx/yl/bl/");

        assertThat(changed).isEqualTo(2);
        assertThat(again).as("a redelivered move changes nothing").isZero();
        assertThat(mongo.findById("a", ScopedThing.class).orgPath()).isEqualTo("/sx/yl/bl/");
        assertThat(mongo.findById("b", ScopedThing.class).orgPath()).isEqualTo("/sx/yl/bl/street-1/");
        assertThat(mongo.findById("c", ScopedThing.class).orgPath()).as("a sibling with a longer id").isEqualTo("/sx/xa/blx/");
        assertThat(mongo.findById("d", ScopedThing.class).orgPath()).isEqualTo("/sx/xy/");
    }
}
