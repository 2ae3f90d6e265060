package org.unionplatform.membership.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * The console's coverage: active members under an organisation of the caller's scope by the county-level division
 * they work in (a township code counts in its county); 404 outside the scope.
 */
class MembersByDivisionIT extends MembershipIT {

    private String city;
    private String federation;
    private String cityPath;
    private String federationPath;
    private String unionPath;
    private String siblingPath;

    @BeforeEach
    void members() {
        city = "city-" + UUID.randomUUID().toString().substring(0, 8);
        federation = "fed-" + UUID.randomUUID().toString().substring(0, 8);
        cityPath = "/shaanxi/" + city + "/";
        federationPath = cityPath + federation + "/";
        unionPath = federationPath + "union-" + UUID.randomUUID().toString().substring(0, 8) + "/";
        siblingPath = cityPath + "sibling-" + UUID.randomUUID().toString().substring(0, 8) + "/";
        insert(unionPath, "610402", "ACTIVE", 3);
        insert(unionPath, "610402001", "ACTIVE", 2); // a street in the same county
        insert(federationPath, "610403", "ACTIVE", 1);
        insert(unionPath, "610403", "WITHDRAWN", 4); // left: not counted
        insert(unionPath, "610403", "SUSPENDED", 1);
        insert(siblingPath, "610402", "ACTIVE", 6); // another organisation of the city
    }

    /** The partial documents would break other tests' member lists: gone after each test. */
    @AfterEach
    void removeThem() {
        mongo.getCollection("members").deleteMany(new Document("orgPath",
                new Document("$regex", "^" + java.util.regex.Pattern.quote(cityPath))));
    }

    /** Member documents as stored (only the fields this count reads, and unique keys). */
    private void insert(String orgPath, String division, String status, int n) {
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString();
            mongo.getCollection("members").insertOne(new Document("_id", id).append("orgPath", orgPath)
                    .append("status", status).append("cardNumber", "test-" + id)
                    .append("worker", new Document("name", "测试").append("workerType", "COURIER")
                            .append("divisionCode", division)
                            .append("residentId", new Document("lookupHash", "test-" + id))));
        }
    }

    @Test
    void activeMembersOfAnOrganisationByCounty() {
        JsonNode counts = ok(httpGet("/api/members/counts/by-division?organizationId=" + federation,
                TestTokens.organizer(cityPath)));
        assertThat(counts.get("total").asLong()).isEqualTo(6);
        assertThat(counts.get("districts").toString()).isEqualTo(
                "[{\"divisionCode\":\"610402\",\"members\":5},{\"divisionCode\":\"610403\",\"members\":1}]");
        // The root of the caller's scope, and the administrator's whole tree.
        assertThat(ok(httpGet("/api/members/counts/by-division?organizationId=" + federation,
                TestTokens.organizer(federationPath))).get("total").asLong()).isEqualTo(6);
        assertThat(ok(httpGet("/api/members/counts/by-division?organizationId=" + city, TestTokens.admin()))
                .get("total").asLong()).isEqualTo(12);
    }

    @Test
    void outsideTheScopeIsNotFoundAndBadInputIsRefused() {
        for (String organization : new String[] {federation, city, "no-such-org"}) {
            HttpAnswer answer = httpGet("/api/members/counts/by-division?organizationId=" + organization,
                    TestTokens.organizer(unionPath));
            assertThat(answer.status()).as(organization).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("districts");
        }
        assertThat(httpGet("/api/members/counts/by-division?organizationId=" + federation,
                TestTokens.organizer(siblingPath)).status()).isEqualTo(404);
        assertThat(httpGet("/api/members/counts/by-division?organizationId=" + federation,
                TestTokens.benefitOfficer(cityPath)).status()).isEqualTo(403);
        assertThat(httpGet("/api/members/counts/by-division", TestTokens.organizer(cityPath)).status())
                .isEqualTo(400);
        assertThat(httpGet("/api/members/counts/by-division?organizationId=a%2Fb", TestTokens.organizer(cityPath))
                .status()).isEqualTo(400);
    }

    private static JsonNode ok(HttpAnswer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return json(answer);
    }
}
