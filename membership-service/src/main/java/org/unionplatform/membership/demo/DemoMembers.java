package org.unionplatform.membership.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;
import org.unionplatform.common.pii.ResidentIdNumber;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.membership.member.CardNumbers;
import org.unionplatform.membership.member.HardshipReason;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.PersonDetails;
import org.unionplatform.membership.member.Workers;
import org.unionplatform.membership.organization.KnownOrganization;
import org.unionplatform.membership.organization.KnownOrganizations;

/**
 * Demo members in the seed's proportions (about half its figures): Beilin riders, the two Xi'an ride-hailing
 * unions, Xianyang couriers, Yulin truck drivers. Loaded on first start only, when enabled and no member exists,
 * through the same paths as real members: the unions are those organization-service's demo announced
 * ({@code organization.established}; this loader waits until it knows them), and every member is announced by
 * {@code membership.approved} at the instant they joined, so organization-service's member figures and
 * benefits-service's welcome packs are derived from these records, never seeded beside them.
 */
@Component
@ConditionalOnProperty(name = "platform.demo-data.enabled", havingValue = "true")
class DemoMembers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMembers.class);
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"};
    private static final String[] GIVEN = {"伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "芳", "娜", "静", "丽", "斌", "鹏"};
    private static final Duration POLL = Duration.ofSeconds(2);

    /** Members of a union of the demo tree (its id in organization-service's demo data). */
    record Cohort(String unionId, String workerType, String platform, String division, int members) {
    }

    static final List<Cohort> SEED = List.of(
            new Cohort("beilin-delivery-joint", "DELIVERY_RIDER", "饿了么", "610103", 550),
            new Cohort("beilin-delivery-sudajia", "DELIVERY_RIDER", "美团", "610103", 250),
            new Cohort("beilin-delivery-youqi", "DELIVERY_RIDER", "美团", "610103", 229),
            new Cohort("shouqi-union", "RIDE_HAILING_DRIVER", "首汽约车", "610100", 1_750),
            new Cohort("rongcheng-union", "RIDE_HAILING_DRIVER", "荣橙出行", "610100", 250),
            new Cohort("xianyang-courier-federation", "COURIER", "中通快递", "610400", 2_860),
            new Cohort("yulin-truck-federation", "TRUCK_DRIVER", "满帮", "610800", 1_500));

    private final MongoOperations mongo;
    private final Workers workers;
    private final CardNumbers cardNumbers;
    private final KnownOrganizations organizations;
    private final Clock clock;
    private final Duration waitForUnions;
    private final List<Cohort> cohorts;

    @Autowired
    DemoMembers(MongoOperations mongo, Workers workers, CardNumbers cardNumbers, KnownOrganizations organizations,
            Clock clock, @Value("${platform.demo-data.wait-for-organizations:15m}") Duration waitForUnions) {
        this(mongo, workers, cardNumbers, organizations, clock, waitForUnions, SEED);
    }

    DemoMembers(MongoOperations mongo, Workers workers, CardNumbers cardNumbers, KnownOrganizations organizations,
            Clock clock, Duration waitForUnions, List<Cohort> cohorts) {
        this.mongo = mongo;
        this.workers = workers;
        this.cardNumbers = cardNumbers;
        this.organizations = organizations;
        this.clock = clock;
        this.waitForUnions = waitForUnions;
        this.cohorts = cohorts;
    }

    /** In the background: organization-service announces its demo tree after this service may be up. */
    @Override
    public void run(ApplicationArguments args) {
        if (mongo.estimatedCount(Member.class) > 0) {
            return;
        }
        Thread.ofVirtual().name("demo-members").start(this::load);
    }

    /** Waits until every cohort's union is known, then enrols the cohorts; answers how many members it added. */
    int load() {
        List<KnownOrganization> unions = awaitUnions();
        if (unions.isEmpty()) {
            log.warn("Demo members not loaded: organization-service's demo unions were not announced within {}",
                    waitForUnions);
            return 0;
        }
        Random random = new Random(20_240_610L);
        Instant now = clock.instant();
        int total = 0;
        for (int c = 0; c < cohorts.size(); c++) {
            Cohort cohort = cohorts.get(c);
            var block = cardNumbers.reserve(cohort.division(), now, cohort.members());
            List<Member> batch = new ArrayList<>();
            for (int i = 0; i < cohort.members(); i++) {
                batch.add(demoMember(cohort, unions.get(c), i, total + i, random, block.next(), now));
                if (batch.size() == 500) {
                    mongo.insert(batch, Member.class);
                    batch.clear();
                }
            }
            mongo.insert(batch, Member.class);
            total += cohort.members();
        }
        log.info("Demo data: {} members in {} unions, each announced", total, cohorts.size());
        return total;
    }

    /** The cohorts' unions in cohort order, once all are known; empty if they are not in time. */
    private List<KnownOrganization> awaitUnions() {
        Instant deadline = clock.instant().plus(waitForUnions);
        while (true) {
            List<KnownOrganization> known = cohorts.stream()
                    .map(cohort -> organizations.find(cohort.unionId()).orElse(null)).toList();
            if (known.stream().allMatch(union -> union != null && union.orgPath() != null)) {
                return known;
            }
            if (clock.instant().isAfter(deadline)) {
                return List.of();
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
    }

    /** Unique IDs by construction: each thousand people get their own birth-date range, sequence = index mod 1000. */
    private Member demoMember(Cohort cohort, KnownOrganization union, int index, int overall, Random random,
            String cardNumber, Instant now) {
        LocalDate born = LocalDate.of(1970, 1, 1).plusDays((overall / 1000) * 1_500L + random.nextInt(1_500));
        String first17 = cohort.division() + born.toString().replace("-", "") + String.format("%03d", overall % 1000);
        String residentId = first17 + ResidentIdNumber.checkCharacterFor(first17);
        String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
        var worker = workers.protect(new PersonDetails(name, residentId, phone, cohort.workerType(), cohort.platform(),
                null, cohort.division()));
        Instant joined = now.minusSeconds(86_400L * random.nextInt(700));
        Member member = Member.demo(cohort.unionId() + "-demo-" + index, worker, union.asUnion(), cardNumber, joined);
        if (HARDSHIP_COHORT.equals(cohort.unionId()) && index < HARDSHIP_CASES.size()) {
            var hardship = HARDSHIP_CASES.get(index);
            member.registerHardship(hardship.reason(), hardship.evidence(), hardship.checkedBy(),
                    LocalDate.ofInstant(now, ChinaTime.ZONE).plusDays(60L + 30L * index), "demo-data", now);
        }
        return member;
    }

    /** A demo hardship registration (困难职工建档), so the demo 快递行业困难补助金 has members to serve. */
    record HardshipCase(HardshipReason reason, String evidence, String checkedBy) {
    }

    static final String HARDSHIP_COHORT = "xianyang-courier-federation";

    /** The first Xianyang couriers are registered as in hardship, announced like any registration. */
    static final List<HardshipCase> HARDSHIP_CASES = List.of(
            new HardshipCase(HardshipReason.INJURY, "派送途中摔伤致右腿骨折，停工三个月；已核看医院诊断证明和住院票据", "咸阳市总工会 王芳"),
            new HardshipCase(HardshipReason.ILLNESS, "本人患慢性肾病需长期透析；已核看三甲医院诊断书和近半年医疗费用清单", "咸阳市总工会 王芳"),
            new HardshipCase(HardshipReason.FAMILY, "配偶重病，两个子女在读，家庭人均月收入低于当地最低生活保障标准；社区出具证明", "秦都区快递网点工会 李强"),
            new HardshipCase(HardshipReason.INJURY, "电动车被撞致锁骨骨折，对方无力赔偿；已核看交警事故认定书", "秦都区快递网点工会 李强"),
            new HardshipCase(HardshipReason.FAMILY, "父亲突发脑梗长期卧床，需本人照料，收入大幅减少；村委会出具证明", "咸阳市总工会 王芳"),
            new HardshipCase(HardshipReason.OTHER, "家中房屋遭暴雨损毁，暂住亲戚家；已核看镇政府灾情登记", "渭城区快递网点工会 赵磊"));
}
