package org.unionplatform.membership.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;
import org.unionplatform.common.pii.ResidentIdNumber;
import org.unionplatform.membership.member.CardNumbers;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.PersonDetails;
import org.unionplatform.membership.member.Union;
import org.unionplatform.membership.member.Workers;
import org.unionplatform.membership.organization.KnownOrganization;
import org.unionplatform.membership.organization.KnownOrganizations;

/**
 * Demo members in the seed's proportions (about half its figures): Beilin riders, the two Xi'an ride-hailing
 * unions, Xianyang couriers, Yulin truck drivers. Loaded on first start only, when enabled and no member exists.
 * No events: every service loads its own demo figures.
 */
@Component
@ConditionalOnProperty(name = "platform.demo-data.enabled", havingValue = "true")
class DemoMembers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMembers.class);
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"};
    private static final String[] GIVEN = {"伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "芳", "娜", "静", "丽", "斌", "鹏"};

    private record Cohort(KnownOrganization union, String workerType, String platform, String division, int members) {
    }

    private final MongoOperations mongo;
    private final Workers workers;
    private final CardNumbers cardNumbers;
    private final KnownOrganizations organizations;

    DemoMembers(MongoOperations mongo, Workers workers, CardNumbers cardNumbers, KnownOrganizations organizations) {
        this.mongo = mongo;
        this.workers = workers;
        this.cardNumbers = cardNumbers;
        this.organizations = organizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mongo.estimatedCount(Member.class) > 0) {
            return;
        }
        List<Cohort> cohorts = List.of(
                new Cohort(union("beilin-delivery-joint", "碑林区网约送餐行业联合工会", "/shaanxi/xian/xian-beilin/beilin-delivery-joint/", "610103"),
                        "DELIVERY_RIDER", "饿了么", "610103", 550),
                new Cohort(union("shouqi-union", "首汽约车西安分公司工会", "/shaanxi/xian/xian-ride-hailing-federation/shouqi-union/", "610100"),
                        "RIDE_HAILING_DRIVER", "首汽约车", "610100", 1_750),
                new Cohort(union("rongcheng-union", "荣橙出行工会", "/shaanxi/xian/xian-ride-hailing-federation/rongcheng-union/", "610100"),
                        "RIDE_HAILING_DRIVER", "荣橙出行", "610100", 250),
                new Cohort(union("xianyang-courier-federation", "咸阳市快递行业工会联合会", "/shaanxi/xianyang/xianyang-courier-federation/", "610400"),
                        "COURIER", "中通快递", "610400", 2_860),
                new Cohort(union("yulin-truck-federation", "榆林市货车司机行业工会联合会", "/shaanxi/yulin/yulin-truck-federation/", "610800"),
                        "TRUCK_DRIVER", "满帮", "610800", 1_500));
        Random random = new Random(20_240_610L);
        Instant now = Instant.now();
        int total = 0;
        for (Cohort cohort : cohorts) {
            var block = cardNumbers.reserve(cohort.division(), now, cohort.members());
            List<Member> batch = new ArrayList<>();
            for (int i = 0; i < cohort.members(); i++) {
                batch.add(demoMember(cohort, i, total + i, random, block.next(), now));
                if (batch.size() == 500) {
                    mongo.insert(batch, Member.class);
                    batch.clear();
                }
            }
            mongo.insert(batch, Member.class);
            total += cohort.members();
        }
        log.info("Demo data: {} members in {} unions", total, cohorts.size());
    }

    private KnownOrganization union(String id, String name, String path, String division) {
        var organization = new KnownOrganization(id, name, path, division, null);
        if (organizations.find(id).isEmpty()) {
            organizations.remember(organization);
        }
        return organization;
    }

    /** Unique IDs by construction: each thousand people get their own birth-date range, sequence = index mod 1000. */
    private Member demoMember(Cohort cohort, int index, int overall, Random random, String cardNumber, Instant now) {
        LocalDate born = LocalDate.of(1970, 1, 1).plusDays((overall / 1000) * 1_500L + random.nextInt(1_500));
        String first17 = cohort.division() + born.toString().replace("-", "") + String.format("%03d", overall % 1000);
        String residentId = first17 + ResidentIdNumber.checkCharacterFor(first17);
        String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
        var worker = workers.protect(new PersonDetails(name, residentId, phone, cohort.workerType(), cohort.platform(),
                null, cohort.division()));
        Instant joined = now.minusSeconds(86_400L * random.nextInt(700));
        return Member.demo(cohort.union().id() + "-demo-" + index, worker,
                new Union(cohort.union().id(), cohort.union().name(), cohort.union().orgPath()), cardNumber, joined);
    }
}
