package org.unionplatform.membership.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.membership.People;
import org.unionplatform.membership.events.OrganizationEstablished;
import org.unionplatform.membership.member.CardNumbers;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.Workers;
import org.unionplatform.membership.organization.KnownOrganization;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;
import org.unionplatform.testsupport.security.TestTokens;

/**
 * The demo members go through the paths real members take: they wait for their union to be announced, and each is
 * announced by membership.approved at the instant they joined, so other services derive their figures from them.
 */
class DemoMembersIT extends MembershipIT {

    @Autowired
    Workers workers;
    @Autowired
    CardNumbers cardNumbers;
    @Autowired
    Clock clock;

    @Test
    void demoMembersWaitForTheirAnnouncedUnionAndAreEachAnnouncedAtTheirJoiningInstant() throws Exception {
        String unionId = "demo-it-" + UUID.randomUUID();
        String path = "/demo-it/" + unionId + "/";
        var demo = new DemoMembers(mongo, workers, cardNumbers, organizations, clock, Duration.ofSeconds(30),
                List.of(new DemoMembers.Cohort(unionId, "COURIER", "中通快递", "610400", 40)));

        CompletableFuture<Integer> loading = CompletableFuture.supplyAsync(demo::load);
        Thread.sleep(2_500);
        assertThat(loading).as("waits for the union to be announced").isNotDone();
        organizations.onEstablished(new OrganizationEstablished(unionId, "咸阳演示快递工会", "PLATFORM_UNION", path,
                "610400"));

        assertThat(loading.get()).isEqualTo(40);
        List<Member> members = mongo.find(Query.query(Criteria.where("orgPath").is(path)), Member.class);
        assertThat(members).hasSize(40);
        Set<String> ids = members.stream().map(Member::id).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(20)).until(() -> events("membership.approved").stream()
                .filter(event -> ids.contains(event.payload().get("memberId").asString())).count() == 40);
        Member one = members.getFirst();
        assertThat(events("membership.approved")).filteredOn(e -> e.payload().get("memberId").asString()
                .equals(one.id())).singleElement().satisfies(event -> assertThat(Instant.parse(
                        event.payload().get("approvedAt").asString()).truncatedTo(ChronoUnit.MILLIS))
                        .isEqualTo(one.joinedAt()));
    }

    @Test
    void aDemoOrganizerBulkEnrolsIntoTheirDistrictUnionOnceOrganizationServiceAnnouncedIt() {
        String district = "demo-it-district-" + UUID.randomUUID();
        String path = "/demo-it/" + district + "/";
        String organizer = TestTokens.organizer(path);
        String csv = "姓名,身份证号,手机号,工种,平台,统一社会信用代码,行政区划代码\n王师傅," + People.residentId() + ","
                + People.phone() + ",网约配送员,饿了么,,610103\n";

        assertThat(upload(csv, district, organizer).status()).as("unknown before the announcement").isEqualTo(404);
        organizations.onEstablished(new OrganizationEstablished(district, "碑林区总工会", "DISTRICT_FEDERATION", path,
                "610103"));
        var accepted = upload(csv, district, organizer);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = json(accepted).get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> json(httpGet("/api/members/bulk-enrolments/" + id,
                organizer)).get("status").asString().equals("DONE"));
        assertThat(json(httpGet("/api/members/bulk-enrolments/" + id, organizer)).get("enrolled").asLong())
                .isEqualTo(1);
    }

    private HttpAnswer upload(String csv, String organizationId, String token) {
        return HttpTestClient.local(port).request("POST", "/api/members/bulk-enrolments?organizationId="
                + organizationId).token(token).multipart("file", "花名册.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8)).send();
    }

    @Test
    void withoutTheirUnionAnnouncedInTimeNoDemoMemberIsLoaded() {
        String unionId = "demo-it-missing-" + UUID.randomUUID();
        var demo = new DemoMembers(mongo, workers, cardNumbers, organizations, clock, Duration.ofMillis(100),
                List.of(new DemoMembers.Cohort(unionId, "COURIER", "中通快递", "610400", 5)));

        assertThat(demo.load()).isZero();
        assertThat(organizations.find(unionId)).map(KnownOrganization::id).isEmpty();
    }
}
