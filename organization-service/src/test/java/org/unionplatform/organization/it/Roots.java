package org.unionplatform.organization.it;

import java.util.Map;

/** A test root outside the demo tree (Guangdong, 440000), created once per context and shared. */
final class Roots {

    private static String guangdong;

    private Roots() {
    }

    static synchronized String guangdong(ServiceIT test) {
        if (guangdong == null || test.get("/api/organizations/" + guangdong, ServiceIT.ADMIN).status() != 200) {
            guangdong = test.post("/api/organizations", ServiceIT.ADMIN, Map.of("name", "广东省总工会（测试）", "kind",
                    "PROVINCE_FEDERATION", "divisionCode", "440000")).expect(201).get("id").asString();
        }
        return guangdong;
    }
}
