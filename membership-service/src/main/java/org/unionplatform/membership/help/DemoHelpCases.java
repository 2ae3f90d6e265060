package org.unionplatform.membership.help;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;
import org.unionplatform.membership.member.Member;

/**
 * Demo data: a few help cases of demo members (docs/membership.md, "Demo data"), filed and moved through their steps
 * by the same methods as real ones, so the timeline, the figures and the console show them. Waits in the background
 * for the demo members; does nothing when a case exists.
 */
@Component
@ConditionalOnProperty(name = "platform.demo-data.enabled", havingValue = "true")
class DemoHelpCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHelpCases.class);
    private static final String DEMO = "demo";

    /** A demo case: whose, what, and how far it went. */
    record Sample(String memberId, CaseKind kind, String company, String description, String howToReach,
            CaseStatus reached, long amountFen, String legalAid) {
    }

    static final List<Sample> SAMPLES = List.of(
            new Sample("beilin-delivery-joint-demo-3", CaseKind.UNPAID_PAY, "西安某速递配送站",
                    "十月送单两百余单，配送站以平台尚未结算为由拖欠工资3200元，站长不接电话。", "中午休息时打电话",
                    CaseStatus.CLOSED, 320_000, null),
            new Sample("shouqi-union-demo-7", CaseKind.ACCOUNT_BLOCKED, "首汽约车",
                    "因一名乘客投诉，账号被封停7天，申诉三次没有回应，这几天没有收入。", "随时可以打电话",
                    CaseStatus.INVESTIGATING, 0, null),
            new Sample("xianyang-courier-federation-demo-11", CaseKind.PLATFORM_PENALTY, "中通快递咸阳某网点",
                    "网点以派件超时为由每单罚款20元，上个月被扣了600元，超时是因为分拣晚了。", "晚上八点以后",
                    CaseStatus.FILED, 0, null),
            new Sample("yulin-truck-federation-demo-5", CaseKind.WORK_INJURY, "榆林某货运合作公司",
                    "在煤场装卸货时从车上摔下，腰部受伤住院两周，合作公司不承认劳动关系，不给报销。", "家属电话也可以",
                    CaseStatus.ACCEPTED, 0, "需要申请工伤认定，合作公司不配合，转法律援助"));

    private final HelpCases cases;
    private final HelpCaseRepository repository;
    private final HelpProperties properties;
    private final MongoOperations mongo;
    private final Clock clock;

    DemoHelpCases(HelpCases cases, HelpCaseRepository repository, HelpProperties properties, MongoOperations mongo,
            Clock clock) {
        this.cases = cases;
        this.repository = repository;
        this.properties = properties;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mongo.estimatedCount(HelpCase.class) > 0) {
            return;
        }
        Thread.ofVirtual().name("demo-help-cases").start(this::load);
    }

    /** Waits (up to 30 minutes) for the demo members, then files the samples; answers how many. */
    int load() {
        Instant deadline = clock.instant().plus(Duration.ofMinutes(30));
        while (SAMPLES.stream().anyMatch(sample -> mongo.findById(sample.memberId(), Member.class) == null)) {
            if (clock.instant().isAfter(deadline)) {
                log.warn("Demo help cases not filed: the demo members did not appear");
                return 0;
            }
            try {
                Thread.sleep(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        SAMPLES.forEach(this::file);
        log.info("Demo data: {} help cases", SAMPLES.size());
        return SAMPLES.size();
    }

    private void file(Sample sample) {
        Seeker seeker = cases.memberSeeker(sample.memberId());
        HelpCase filed = cases.file(new HelpCases.Filing(sample.kind(), sample.company(), null, null, null,
                sample.description(), null, null, sample.howToReach()), seeker);
        HelpCase helpCase = repository.findById(filed.id()).orElseThrow();
        Instant now = clock.instant();
        if (sample.reached().compareTo(CaseStatus.ACCEPTED) >= 0) {
            helpCase.accept(DEMO, now, properties.deadline(CaseStatus.ACCEPTED));
        }
        if (sample.legalAid() != null) {
            helpCase.referToLegalAid(cases.legalAidFor(helpCase.orgPath()), sample.legalAid(), DEMO, now);
        }
        if (sample.reached().compareTo(CaseStatus.INVESTIGATING) >= 0) {
            helpCase.investigate(DEMO, "已联系对方核实情况", now, properties.deadline(CaseStatus.INVESTIGATING));
        }
        if (sample.reached() == CaseStatus.CLOSED) {
            helpCase.mediate(DEMO, "站点承认拖欠", now, properties.deadline(CaseStatus.MEDIATION));
            helpCase.recordMeeting(UUID.randomUUID().toString(), now, sample.company(), "配送站同意三日内补发全部工资",
                    DEMO, now);
            helpCase.close(CaseOutcome.RESOLVED, sample.amountFen(), "工资已补发到账", DEMO, now);
        }
        repository.save(helpCase);
    }
}
