package org.unionplatform.benefits.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.unionplatform.benefits.program.Audience;
import org.unionplatform.benefits.program.EligibilityRules;
import org.unionplatform.benefits.program.LimitPeriod;
import org.unionplatform.benefits.program.MemberLimit;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.benefits.program.ProgramRepository;
import org.unionplatform.benefits.program.ProgramStatus;
import org.unionplatform.common.time.ChinaTime;

/**
 * The seed's programs, owned by organisations of organization-service's demo data (ids and paths in
 * docs/benefits.md), loaded on first start only when {@code platform.demo-data.enabled=true} and no program exists
 * yet. Figures follow the seed text: Beilin's summer cooling packs for its ~1,100 riders, medical mutual-aid
 * insurance for 25 female riders, free health check-ups for ~100 riders, Xianyang's 20,000 yuan of solace money
 * and 20,000 of hardship grants for couriers.
 */
@Component
@ConditionalOnBooleanProperty("platform.demo-data.enabled")
class DemoPrograms implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPrograms.class);
    private static final String BEILIN_RIDERS = "/shaanxi/xian/xian-beilin/beilin-delivery-joint/";
    private static final String XIANYANG_COURIERS = "/shaanxi/xianyang/xianyang-courier-federation/";

    private final ProgramRepository programs;
    private final Clock clock;

    DemoPrograms(ProgramRepository programs, Clock clock) {
        this.programs = programs;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (programs.count() > 0) {
            return;
        }
        int year = LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear();
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        LocalDate dec31 = LocalDate.of(year, 12, 31);
        List<Program> demo = List.of(
                program("demo-summer-cooling-beilin", "夏送清凉·骑手清凉慰问礼包", "SEASONAL_CAMPAIGN", "SUMMER_COOLING",
                        "beilin-delivery-joint", BEILIN_RIDERS, LocalDate.of(year, 6, 1), LocalDate.of(year, 8, 31),
                        null, null, null, 1100L, "清凉慰问礼包",
                        new MemberLimit(1, LimitPeriod.WHOLE, "summer-cooling-" + year),
                        new EligibilityRules(null, List.of("DELIVERY_RIDER"), null, 0, false)),
                program("demo-winter-warmth-xian", "冬送温暖·新就业形态劳动者慰问", "SEASONAL_CAMPAIGN", "WINTER_WARMTH",
                        "xian", "/shaanxi/xian/", LocalDate.of(year, 12, 1), LocalDate.of(year + 1, 2, 28),
                        20_000_000L, 20_000L, null, 1000L, "户外关爱包",
                        new MemberLimit(1, LimitPeriod.WHOLE, "winter-warmth-" + year), null),
                program("demo-female-rider-insurance", "互助医疗女职工保险（25名女骑手）", "FEMALE_MEDICAL_MUTUAL_AID", null,
                        "xian-beilin", "/shaanxi/xian/xian-beilin/", jan1, dec31,
                        5_000_000L, null, 500_000L, 25L, "女职工互助医疗保障",
                        new MemberLimit(1, LimitPeriod.YEAR, null),
                        new EligibilityRules(null, List.of("DELIVERY_RIDER"), List.of("FEMALE"), 0, false)),
                program("demo-health-checkup-beilin", "骑手免费健康体检", "HEALTH_CHECKUP", null,
                        "xian-beilin", "/shaanxi/xian/xian-beilin/", jan1, dec31,
                        null, null, null, 100L, "健康体检名额", MemberLimit.ONCE,
                        new EligibilityRules(null, List.of("DELIVERY_RIDER"), null, 0, false)),
                program("demo-solace-xianyang-couriers", "快递行业防疫慰问金", "SOLACE_MONEY", null,
                        "xianyang-courier-federation", XIANYANG_COURIERS, jan1, dec31,
                        2_000_000L, 30_000L, null, null, null, MemberLimit.ONCE,
                        new EligibilityRules(null, List.of("COURIER"), null, 0, false)),
                program("demo-hardship-xianyang-couriers", "快递行业困难补助金", "HARDSHIP_GRANT", null,
                        "xianyang-courier-federation", XIANYANG_COURIERS, jan1, dec31,
                        2_000_000L, 100_000L, null, null, null, new MemberLimit(1, LimitPeriod.YEAR, null),
                        new EligibilityRules(null, null, null, 0, true)),
                program("demo-welcome-xian", "入会礼包（西安）", Program.WELCOME_PACK, null,
                        "xian", "/shaanxi/xian/", jan1, dec31, null, null, null, 1000L, "入会礼包", MemberLimit.ONCE, null),
                program("demo-welcome-yulin-trucks", "货车司机入会礼包（榆林）", Program.WELCOME_PACK, null,
                        "yulin-truck-federation", "/shaanxi/yulin/yulin-truck-federation/", jan1, dec31,
                        null, null, null, 300L, "司机之家入会礼包", MemberLimit.ONCE, null));
        programs.insert(demo);
        log.info("Demo data: {} benefit programs created", demo.size());
    }

    /** The summer cooling gift pack also reaches riders who are not members yet: serving first brings them in. */
    static final String OPEN_TO_ALL_WORKERS = "demo-summer-cooling-beilin";

    private Program program(String id, String name, String kind, String season, String organizationId,
            String orgPath, LocalDate startsOn, LocalDate endsOn, Long budgetFen, Long amountPerGrantFen,
            Long perClaimCeilingFen, Long stock, String itemName, MemberLimit limit, EligibilityRules rules) {
        Instant now = clock.instant();
        return new Program(id, name, kind, season, null, organizationId, orgPath, startsOn, endsOn,
                amountPerGrantFen, perClaimCeilingFen, stock == null ? null : 1, itemName, limit, rules, 7,
                ProgramStatus.OPEN, budgetFen, budgetFen, budgetFen == null ? null : 0L, budgetFen == null ? null : 0L,
                stock, stock, stock == null ? null : 0L, stock == null ? null : 0L, List.of(), List.of(),
                "demo-data", now, now, null,
                OPEN_TO_ALL_WORKERS.equals(id) ? Audience.ALL_WORKERS : Audience.MEMBERS);
    }
}
