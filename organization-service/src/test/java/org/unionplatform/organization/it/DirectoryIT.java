package org.unionplatform.organization.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/** The public union directory: found by place (code or name) and platform without a token; contacts kept by staff. */
class DirectoryIT extends ServiceIT {

    @Test
    void theBeilinDeliveryJointUnionIsFoundByPlaceNameAndPlatformWithoutSigningIn() {
        JsonNode page = directory("place=" + encode("碑林区") + "&platform=" + encode("饿了么"));
        assertThat(page.get("placeCode").asString()).isEqualTo("610103");
        assertThat(page.get("placeName").asString()).isEqualTo("陕西省 西安市 碑林区");
        JsonNode union = page.get("unions").get("items").get(0);
        assertThat(ids(page)).containsExactly("beilin-delivery-joint");
        assertThat(union.get("name").asString()).contains("碑林区网约送餐行业联合工会");
        assertThat(union.get("officePhone").asString()).isEqualTo("029-87421019");
        assertThat(union.get("address").asString()).contains("碑林区");
        assertThat(union.get("admitsMembers").asBoolean()).isTrue();
        assertThat(union.get("howToJoin").asString()).contains("申请入会");
        assertThat(ids(directory("place=" + encode("碑林") + "&platform=" + encode("蓝骑士"))))
                .containsExactly("beilin-delivery-joint");
        assertThat(ids(directory("place=" + encode("碑林区") + "&platform=" + encode("美团")))).isEmpty();
    }

    @Test
    void aPlaceCodeCoversTheUnionsWithinItAndFederationsAboveCountyAreLeftOut() {
        List<String> beilin = ids(directory("place=610103&size=100"));
        assertThat(beilin).contains("xian-beilin", "beilin-baishulin", "beilin-delivery-joint",
                "beilin-delivery-sudajia").doesNotContain("xian", "shaanxi", "shouqi-union");
        assertThat(ids(directory("place=610100&size=200"))).contains("shouqi-union", "beilin-delivery-joint")
                .doesNotContain("xian");
        assertThat(get("/api/organizations/directory?place=999", null).status()).isEqualTo(422);
        assertThat(ids(directory("place=" + encode("火星")))).isEmpty();
    }

    @Test
    void anOrganizerInScopeEntersTheOfficeDetailsTheDirectoryShows() {
        var body = Map.of("address", "西安市莲湖区劳动南路 8 号", "officePhone", "029-88889999");
        assertThat(put("/api/organizations/rongcheng-union/contact", TestTokens.organizer("/shaanxi/yulin/"), body)
                .status()).isEqualTo(404);
        assertThat(put("/api/organizations/rongcheng-union/contact", null, body).status()).isEqualTo(401);
        assertThat(put("/api/organizations/rongcheng-union/contact", XIAN_ORGANIZER,
                Map.of("officePhone", "call me")).status()).isEqualTo(400);
        put("/api/organizations/rongcheng-union/contact", XIAN_ORGANIZER, body).expect(200);
        JsonNode found = directory("place=610100&size=200").get("unions").get("items");
        JsonNode rongcheng = null;
        for (JsonNode union : found) {
            if (union.get("id").asString().equals("rongcheng-union")) {
                rongcheng = union;
            }
        }
        assertThat(rongcheng).isNotNull();
        assertThat(rongcheng.get("officePhone").asString()).isEqualTo("029-88889999");
        put("/api/organizations/rongcheng-union", ADMIN, Map.of("name", "荣橙出行工会", "divisionCode", "610100",
                "workerTypes", List.of("RIDE_HAILING_DRIVER"))).expect(200);
        assertThat(directory("place=610100&size=200").toString()).as("a change of the organisation keeps them")
                .contains("029-88889999");
    }

    private JsonNode directory(String query) {
        return get("/api/organizations/directory?" + query, null).expect(200);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("unions").get("items").forEach(union -> ids.add(union.get("id").asString()));
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
