package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionplatform.e2e.UnionTree.expect;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.http.HttpAnswer;
import tools.jackson.databind.JsonNode;

/**
 * Companies surveyed at scale, through the gateway: a 2,000-row survey of this run's city is checked by a dry run
 * (nothing written), imported, and the work-injury and social insurance coverage by district and by platform equals
 * the sums this test computes from the rows it wrote; an organizer of another city sees none of it.
 */
public class CompanySurveyJourneyIT {

    static final String[] DISTRICTS = {"640104", "640105", "640106", "640121"};
    static final String[] PLATFORMS = {"顺丰", "美团", "京东物流"};

    @Test
    void aTwoThousandRowSurveyIsDryRunThenImportedAndItsCoverageEqualsTheIndependentSums() {
        UnionTree tree = UnionTree.build(new UnionTree.Divisions("640000", "宁夏回族自治区", "640100", "银川市",
                "640104", "兴庆区"));
        String organizer = tree.staff("ORGANIZER", tree.city);
        Survey survey = Survey.of(tree.run, 2_000, new Random(2026));

        JsonNode dry = expect(upload(tree, organizer, survey.csv(), true), 200);
        assertThat(dry.get("rows").asLong()).isEqualTo(2_000);
        assertThat(dry.get("created").asLong()).isEqualTo(1_980);
        assertThat(dry.get("rejected").asLong()).isEqualTo(20);
        assertThat(coverage(tree, organizer, "DISTRICT")).as("the dry run wrote nothing").isEmpty();

        JsonNode real = expect(upload(tree, organizer, survey.csv(), false), 200);
        assertThat(real.get("created").asLong()).isEqualTo(1_980);
        assertThat(real.get("lines")).hasSize(20).allSatisfy(line -> {
            assertThat(line.get("outcome").asString()).isEqualTo("REJECTED");
            assertThat(line.get("code").asString()).isEqualTo("insured-exceeds-headcount");
        });

        assertThat(sums(coverage(tree, organizer, "DISTRICT"))).isEqualTo(survey.byDistrict());
        assertThat(sums(coverage(tree, organizer, "PLATFORM"))).isEqualTo(survey.byPlatform());

        String stranger = UnionTree.build(new UnionTree.Divisions("650000", "新疆维吾尔自治区", "650100", "乌鲁木齐市",
                "650102", "天山区")).staff("ORGANIZER", tree.district);
        assertThat(tree.gateway.get("/api/organizations/" + tree.city.id() + "/insurance-coverage", stranger)
                .status()).isEqualTo(404);
    }

    static HttpAnswer upload(UnionTree tree, String token, byte[] csv, boolean dryRun) {
        return tree.gateway.request("POST", "/api/organizations/company-surveys?organizationId=" + tree.city.id()
                + "&dryRun=" + dryRun).token(token).multipart("file", "普查.csv", "text/csv", csv).send();
    }

    private static JsonNode coverage(UnionTree tree, String token, String by) {
        return expect(tree.gateway.get("/api/organizations/" + tree.city.id() + "/insurance-coverage?by=" + by, token),
                200);
    }

    private static Map<String, List<Long>> sums(JsonNode lines) {
        Map<String, List<Long>> sums = new TreeMap<>();
        lines.forEach(l -> sums.put(l.get("key").asString(), List.of(l.get("companies").asLong(),
                l.get("workers").asLong(), l.get("socialInsured").asLong(), l.get("workInjuryInsured").asLong())));
        return sums;
    }

    /** A generated survey file and the sums it should give: companies, workers, socially and work-injury insured. */
    public record Survey(byte[] csv, Map<String, List<Long>> byDistrict, Map<String, List<Long>> byPlatform) {

        static Survey of(String run, int rows, Random random) {
            StringBuilder csv = new StringBuilder("统一社会信用代码,企业名称,企业类型,所属平台,网点地址,所在区县,快递员人数,"
                    + "网约配送员人数,用工形式,参加社会保险人数,参加工伤保险人数\r\n");
            Map<String, long[]> byDistrict = new TreeMap<>();
            Map<String, long[]> byPlatform = new TreeMap<>();
            int serial = random.nextInt(1_000_000);
            for (int i = 0; i < rows; i++) {
                String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
                String platform = PLATFORMS[random.nextInt(PLATFORMS.length)];
                String first17 = "91" + district + "E2" + String.format("%07d", (serial + i) % 10_000_000);
                String code = withCheckCharacter(first17);
                int couriers = random.nextInt(50);
                int riders = random.nextInt(30);
                int workers = couriers + riders;
                int social = random.nextInt(workers + 1);
                int injury = random.nextInt(workers + 1);
                // Every hundredth row claims more insured workers than it has: refused, counted nowhere.
                boolean bad = i % 100 == 99;
                if (bad) {
                    injury = workers + 1;
                } else {
                    add(byDistrict, district, workers, social, injury);
                    add(byPlatform, platform, workers, social, injury);
                }
                csv.append(code).append(",普查企业").append(run).append('-').append(i).append(",合作企业,")
                        .append(platform).append(",网点").append(i).append(',').append(district).append(',')
                        .append(couriers).append(',').append(riders).append(",众包,").append(social).append(',')
                        .append(injury).append("\r\n");
            }
            return new Survey(csv.toString().getBytes(StandardCharsets.UTF_8), flat(byDistrict), flat(byPlatform));
        }

        /** GB 32100's check character (weights 3^i mod 31), as DispatchJourneyIT computes it. */
        public static String withCheckCharacter(String first17) {
            String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
            int sum = 0;
            int weight = 1;
            for (int i = 0; i < 17; i++) {
                sum += alphabet.indexOf(first17.charAt(i)) * weight;
                weight = weight * 3 % 31;
            }
            return first17 + alphabet.charAt((31 - sum % 31) % 31);
        }

        private static void add(Map<String, long[]> sums, String key, long workers, long social, long injury) {
            long[] sum = sums.computeIfAbsent(key, k -> new long[4]);
            sum[0]++;
            sum[1] += workers;
            sum[2] += social;
            sum[3] += injury;
        }

        private static Map<String, List<Long>> flat(Map<String, long[]> sums) {
            Map<String, List<Long>> flat = new TreeMap<>();
            sums.forEach((k, s) -> flat.put(k, List.of(s[0], s[1], s[2], s[3])));
            return flat;
        }
    }
}
