package org.unionplatform.organization.tree;

import java.time.Instant;
import java.util.Set;

/** Organisations built through the aggregate's own factory, for other features' unit tests. */
public final class TreeFixtures {

    private static final Instant AT = Instant.parse("2026-01-05T02:00:00Z");

    private TreeFixtures() {
    }

    public static Organization shaanxi() {
        return Organization.create("shaanxi", "陕西省总工会", OrganizationKind.PROVINCE_FEDERATION, "610000",
                Set.of(), Set.of(), null, "test", AT);
    }

    public static Organization xian() {
        return Organization.create("xian", "西安市总工会", OrganizationKind.CITY_FEDERATION, "610100", Set.of(),
                Set.of(), shaanxi(), "test", AT);
    }

    /** {@code /shaanxi/xian/beilin/}, division 610103. */
    public static Organization beilin() {
        return Organization.create("beilin", "碑林区总工会", OrganizationKind.DISTRICT_FEDERATION, "610103",
                Set.of(), Set.of(), xian(), "test", AT);
    }
}
