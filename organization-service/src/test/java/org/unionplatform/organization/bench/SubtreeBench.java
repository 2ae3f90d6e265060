package org.unionplatform.organization.bench;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.organization.it.ServiceIT;
import org.unionplatform.organization.tally.Counters;
import org.unionplatform.organization.tally.Tally;
import org.unionplatform.organization.tally.TallyRepository;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationKind;
import org.unionplatform.organization.tree.OrganizationRequests.CreateOrganization;
import org.unionplatform.organization.tree.Organizations;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;

/**
 * Benchmark, not a test (run by bench/organizations-subtree.sh, never by {@code verify}): builds a tree of
 * about 10,000 organisations under one province with members spread over the leaves, then times over HTTP, as an
 * organizer scoped to the province, the subtree member totals and the province's monthly report.
 * Prints p50/p95/p99; asserts nothing about time.
 */
class SubtreeBench extends ServiceIT {

    private static final int WARMUP = 300;
    private static final int MEASURED = 1000;

    @Autowired
    Organizations organizations;
    @Autowired
    TallyRepository tallies;

    @Test
    void subtreeTotalsAndMonthlyReportOverTenThousandOrganisations() throws Exception {
        long started = System.nanoTime();
        String rootId = "bench-" + Long.toHexString(System.nanoTime());
        List<Organization> leaves = new ArrayList<>();
        Organization root = create(rootId, "四川省总工会（基准）", OrganizationKind.PROVINCE_FEDERATION, "510000", null);
        int count = 1;
        for (int c = 1; c <= 10; c++) {
            String cityCode = "51" + String.format("%02d", c) + "00";
            Organization city = create(rootId + "-c" + c, "市" + c, OrganizationKind.CITY_FEDERATION, cityCode, root);
            count++;
            for (int d = 1; d <= 10; d++) {
                String districtCode = cityCode.substring(0, 4) + String.format("%02d", d);
                Organization district = create(city.id() + "-d" + d, "区" + d, OrganizationKind.DISTRICT_FEDERATION,
                        districtCode, city);
                count++;
                for (int s = 1; s <= 9; s++) {
                    Organization street = create(district.id() + "-s" + s, "街道" + s,
                            OrganizationKind.STREET_FEDERATION, districtCode + "00" + s, district);
                    count++;
                    for (int u = 1; u <= 10 && count < 10_000; u++) {
                        leaves.add(create(street.id() + "-u" + u, "工会" + u, OrganizationKind.ENTERPRISE_UNION,
                                street.divisionCode(), street));
                        count++;
                    }
                }
            }
        }
        Random random = new Random(7);
        YearMonth now = YearMonth.now(ChinaTime.ZONE);
        List<String> types = List.of("COURIER", "DELIVERY_RIDER", "RIDE_HAILING_DRIVER", "TRUCK_DRIVER");
        int approvals = 0;
        for (Organization leaf : leaves) {
            int month = 1 + random.nextInt(now.getMonthValue());
            String type = types.get(random.nextInt(types.size()));
            long joined = 1 + random.nextInt(5);
            approvals += (int) joined;
            tallies.add(Tally.idsOf(leaf.path()), Map.of(Counters.MEMBERS + type, joined),
                    YearMonth.of(now.getYear(), month), Map.of(Counters.NEW_MEMBERS + type, joined));
        }
        System.out.printf("[bench] tree: %d organisations, %d members on %d leaves, built in %d s%n", count,
                approvals, leaves.size(), (System.nanoTime() - started) / 1_000_000_000L);

        String token = TestTokens.organizer(root.path());
        measure("subtree member totals  GET /api/organizations/{province}/summary",
                "/api/organizations/" + rootId + "/summary", token);
        measure("monthly report (JSON)  GET /api/organizations/{province}/reports/monthly",
                "/api/organizations/" + rootId + "/reports/monthly", token);
        measure("monthly report (XLSX)  GET /api/organizations/{province}/reports/monthly/xlsx",
                "/api/organizations/" + rootId + "/reports/monthly/xlsx", token);
    }

    private Organization create(String id, String name, OrganizationKind kind, String division, Organization parent) {
        return organizations.create(id, new CreateOrganization(name, kind, division, Set.of("COURIER"), Set.of(),
                parent == null ? null : parent.id()), parent, "bench", false);
    }

    private void measure(String label, String path, String token) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            check(get(path, token));
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            check(get(path, token));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("[bench] %s: n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms%n", label, MEASURED,
                ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[MEASURED - 1] / 1e6);
    }

    private static void check(HttpAnswer response) {
        if (response.status() != 200) {
            throw new IllegalStateException("HTTP " + response);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }
}
