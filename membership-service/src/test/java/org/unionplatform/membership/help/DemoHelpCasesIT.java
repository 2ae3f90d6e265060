package org.unionplatform.membership.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.PersonDetails;
import org.unionplatform.membership.member.Union;
import org.unionplatform.membership.member.Workers;
import org.unionplatform.membership.organization.KnownOrganization;

/** The demo help cases are filed for the demo members and reach the steps they describe. */
class DemoHelpCasesIT extends MembershipIT {

    @Autowired
    HelpCases cases;
    @Autowired
    HelpCaseRepository repository;
    @Autowired
    HelpProperties properties;
    @Autowired
    Workers workers;
    @Autowired
    Clock clock;

    @Test
    void theDemoCasesAreFiledForTheDemoMembersWithTheirSteps() {
        organizations.remember(new KnownOrganization("yulin", "榆林市总工会", "/shaanxi/yulin/", "610800",
                "CITY_FEDERATION"));
        String[] residentIds = {"61010319900101001X", "610103199001020014", "610103199001030010", "610103199001040016"};
        int i = 0;
        for (DemoHelpCases.Sample sample : DemoHelpCases.SAMPLES) {
            if (mongo.findById(sample.memberId(), Member.class) == null) {
                var worker = workers.protect(new PersonDetails("演示" + i, valid(residentIds[i]),
                        "1390000000" + i, "DELIVERY_RIDER", null, null, "610103"));
                String union = sample.memberId().substring(0, sample.memberId().indexOf("-demo-"));
                String path = union.startsWith("yulin") ? "/shaanxi/yulin/" + union + "/" : "/shaanxi/xian/" + union + "/";
                mongo.insert(Member.demo(sample.memberId(), worker, new Union(union, "演示工会" + i, path),
                        "61010399" + String.format("%08d", i), clock.instant()));
            }
            i++;
        }

        int filed = new DemoHelpCases(cases, repository, properties, mongo, clock).load();

        assertThat(filed).isEqualTo(4);
        List<HelpCase> demo = mongo.find(Query.query(Criteria.where("memberId").in(DemoHelpCases.SAMPLES.stream()
                .map(DemoHelpCases.Sample::memberId).toList())), HelpCase.class);
        assertThat(demo).extracting(HelpCase::status).contains(CaseStatus.CLOSED, CaseStatus.INVESTIGATING,
                CaseStatus.FILED, CaseStatus.ACCEPTED);
        assertThat(demo).filteredOn(c -> c.referral() != null).singleElement()
                .satisfies(c -> assertThat(c.referral().organizationName()).isEqualTo("榆林市总工会"));
        assertThat(demo).filteredOn(c -> c.status() == CaseStatus.CLOSED).singleElement()
                .satisfies(c -> assertThat(c.amountRecoveredFen()).isEqualTo(320_000));
    }

    /** The first 17 characters with their GB 11643 check character. */
    private static String valid(String id) {
        return id.substring(0, 17) + org.unionplatform.common.pii.ResidentIdNumber.checkCharacterFor(id.substring(0, 17));
    }
}
