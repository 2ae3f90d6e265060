package org.unionplatform.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.unionplatform.common.web.ResourceNotFoundException;
import org.unionplatform.testsupport.TestInfrastructure;

/** The scope criteria run in MongoDB itself: each caller's query returns exactly the documents in reach. */
class AccessScopeQueriesIT {

    static MongoClient client;
    static MongoTemplate mongo;

    record Visit(String id, String orgPath, String stationId, String memberId) {
    }

    @BeforeAll
    static void seed() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        mongo = new MongoTemplate(client, TestInfrastructure.newDatabaseName());
        mongo.insertAll(List.of(
                new Visit("v1", "/sx/xa/", "st-1", "m-1"),
                new Visit("v2", "/sx/xa/bl/", "st-2", "m-2"),
                new Visit("v3", "/sx/xab/", "st-3", "m-1"),
                new Visit("v4", "/sy/", "st-4", "m-3"),
                new Visit("v5", "/sx/x.a/", "st-5", "m-4")));
    }

    @AfterAll
    static void close() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void organizerSeesExactlyTheirSubtree() {
        assertThat(ids(scope(Set.of(Role.ORGANIZER), "/sx/xa/", Set.of(), null).subtree("orgPath")))
                .containsExactly("v1", "v2");
    }

    @Test
    void regexCharactersInAPathAreLiteral() {
        assertThat(ids(scope(Set.of(Role.ORGANIZER), "/sx/x.a/", Set.of(), null).subtree("orgPath")))
                .containsExactly("v5");
    }

    @Test
    void attendantSeesOnlyTheirStationsAndMemberOnlyThemselves() {
        assertThat(ids(scope(Set.of(Role.STATION_ATTENDANT), null, Set.of("st-2", "st-4"), null)
                .stations("stationId"))).containsExactly("v2", "v4");
        assertThat(ids(scope(Set.of(Role.MEMBER), null, Set.of(), "m-1").self("memberId")))
                .containsExactly("v1", "v3");
    }

    @Test
    void adminSeesEverythingAlsoCombinedWithOtherFilters() {
        AccessScope admin = scope(Set.of(Role.ADMIN), null, Set.of(), null);
        assertThat(ids(admin.subtree("orgPath"))).hasSize(5);
        assertThat(ids(new Criteria().andOperator(admin.subtree("orgPath"), Criteria.where("memberId").is("m-1"))))
                .containsExactly("v1", "v3");
    }

    @Test
    void callerWithoutTheNeededScopeSeesNothing() {
        assertThat(ids(scope(Set.of(Role.ORGANIZER), null, Set.of(), null).subtree("orgPath"))).isEmpty();
        assertThat(ids(scope(Set.of(Role.ORGANIZER), "/sx/", Set.of(), null).stations("stationId"))).isEmpty();
        assertThat(ids(scope(Set.of(Role.STATION_ATTENDANT), null, Set.of("st-1"), null).self("memberId")))
                .isEmpty();
    }

    @Test
    void singleObjectOutOfScopeIsNotFoundAndForbiddenFunctionIsDenied() {
        AccessScope organizer = scope(Set.of(Role.ORGANIZER), "/sx/xa/", Set.of(), null);
        Optional<Visit> outside = Optional.ofNullable(mongo.findById("v3", Visit.class));

        assertThatThrownBy(() -> organizer.requireInSubtree(outside, Visit::orgPath, "Visit", "v3"))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(organizer.requireInSubtree(Optional.ofNullable(mongo.findById("v2", Visit.class)),
                Visit::orgPath, "Visit", "v2").id()).isEqualTo("v2");
        assertThatThrownBy(() -> organizer.requireAnyRole(Role.ADMIN, Role.BENEFIT_OFFICER))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static AccessScope scope(Set<Role> roles, String orgPath, Set<String> stations, String memberId) {
        return AccessScope.of(new Caller("someone", roles, orgPath, stations, memberId));
    }

    private static List<String> ids(Criteria criteria) {
        return mongo.find(Query.query(criteria), Visit.class).stream().map(Visit::id).sorted().toList();
    }
}
