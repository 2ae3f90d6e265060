package org.unionplatform.organization.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unionplatform.organization.it.ServiceIT;

import tools.jackson.databind.JsonNode;

/** The place-name picker's data, without a token, and division codes checked against it. */
class PlacesIT extends ServiceIT {

    @Test
    void theProvinceListsItsTenCitiesAndACityItsDistrictsWithoutAToken() {
        JsonNode cities = get("/api/organizations/places?parent=610000", null).expect(200);
        assertThat(cities.valueStream().map(city -> city.get("name").asString())).containsExactly("西安市", "铜川市",
                "宝鸡市", "咸阳市", "渭南市", "延安市", "汉中市", "榆林市", "安康市", "商洛市");
        assertThat(cities.get(0).get("hasChildren").asBoolean()).isTrue();

        JsonNode xian = get("/api/organizations/places?parent=610100", null).expect(200);
        assertThat(xian.valueStream().map(place -> place.get("code").asString()))
                .contains("610103", "610113").hasSize(13);
        JsonNode streets = get("/api/organizations/places?parent=610103", null).expect(200);
        assertThat(streets.valueStream().map(place -> place.get("name").asString())).contains("张家村街道");
        assertThat(streets.get(0).get("level").asString()).isEqualTo("TOWNSHIP");

        JsonNode one = get("/api/organizations/places/610402", null).expect(200);
        assertThat(one.get("fullName").asString()).isEqualTo("陕西省咸阳市秦都区");
        assertThat(get("/api/organizations/places", null).expect(200).get(0).get("code").asString())
                .isEqualTo("610000");
    }

    @Test
    void unknownAndMalformedPlacesAreProblems() {
        get("/api/organizations/places?parent=610199", null).expectProblem(404, null, null);
        get("/api/organizations/places/61010", null).expectProblem(400, null, null);
    }

    @Test
    void aShaanxiCodeThatDoesNotExistIsRefusedWithAClearMessage() {
        JsonNode problem = post("/api/organizations", ADMIN, Map.of("name", "x", "kind", "ENTERPRISE_UNION",
                "divisionCode", "610199", "parentId", "xian")).expectProblem(400, "divisionCode", null);
        assertThat(problem.toString()).contains("/api/organizations/places");
    }
}
