package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.security.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * A named liaison follows each key platform company in its district week by week; the watch list gives the next
 * follow-up's due time and lists the overdue ones (docs/organizations.md, "Weekly watch list").
 */
class LiaisonIT extends ServiceIT {

    @Test
    void aKeyPlatformCompanyGetsItsLiaisonAndIsOverdueUntilFollowedUp() {
        String id = company(true);
        JsonNode named = put("/api/organizations/companies/" + id + "/liaison", XIAN_ORGANIZER,
                Map.of("name", "王联络员")).expect(200);
        assertThat(named.get("liaison").get("name").asString()).isEqualTo("王联络员");

        JsonNode never = entry(id, false);
        assertThat(never.get("liaison").asString()).isEqualTo("王联络员");
        assertThat(never.get("overdue").asBoolean()).isTrue();
        assertThat(entry(id, true)).as("listed among the overdue").isNotNull();

        post("/api/organizations/companies/" + id + "/follow-ups", XIAN_ORGANIZER, Map.of("note", "周例会"))
                .expect(200);
        JsonNode followed = entry(id, false);
        assertThat(followed.get("overdue").asBoolean()).isFalse();
        Instant last = Instant.parse(followed.get("lastFollowUpAt").asString());
        assertThat(Instant.parse(followed.get("followUpDue").asString())).isEqualTo(last.plus(Duration.ofDays(7)));
        assertThat(entry(id, true)).as("no longer overdue").isNull();
    }

    @Test
    void onlyAKeyPlatformCompanyHasALiaisonAndOnlyInScope() {
        String ordinary = company(false);
        put("/api/organizations/companies/" + ordinary + "/liaison", XIAN_ORGANIZER, Map.of("name", "李联络员"))
                .expectProblem(422, null, "not-key-platform");
        String key = company(true);
        put("/api/organizations/companies/" + key + "/liaison", TestTokens.organizer("/shaanxi/xianyang/"),
                Map.of("name", "李联络员")).expectProblem(404, null, null);
        put("/api/organizations/companies/" + key + "/liaison", XIAN_ORGANIZER, Map.of("name", " "))
                .expectProblem(400, "name", null);
    }

    private String company(boolean keyPlatform) {
        return post("/api/organizations/companies", XIAN_ORGANIZER, Map.of("creditCode",
                TestCreditCodes.code("610100"), "name", "联络测试平台公司", "type", "PLATFORM", "platform", "联络平台",
                "divisionCode", "610103", "organizationId", "xian-ride-hailing-federation", "keyPlatform",
                keyPlatform)).expect(201).get("id").asString();
    }

    /** The company's watch-list line (all, or the overdue only), or null when it is not listed. */
    private JsonNode entry(String id, boolean overdueOnly) {
        for (int page = 0; ; page++) {
            JsonNode list = get("/api/organizations/companies/watch-list?size=200&overdue=" + overdueOnly + "&page="
                    + page, XIAN_ORGANIZER).expect(200);
            for (JsonNode e : list.get("items")) {
                if (e.get("companyId").asString().equals(id)) {
                    return e;
                }
            }
            if (page + 1 >= list.get("totalPages").asInt()) {
                return null;
            }
        }
    }
}
