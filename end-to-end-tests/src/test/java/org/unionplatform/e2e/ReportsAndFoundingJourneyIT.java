package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.unionplatform.e2e.UnionTree.Org;
import org.unionplatform.testsupport.http.HttpAnswer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Founding in the legal order and reports an assessor can trust, through the gateway with the whole platform
 * running. A union is founded under a district federation in Hunan (away from the other journeys): members are
 * enrolled in bulk while it is being founded and held; the district's organizers approve it after the election and
 * the held members become members. A month long past is counted from membership events, closed, and reads the same
 * after events for it arrive late; new members, leavers and transfers are separate figures.
 */
class ReportsAndFoundingJourneyIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> ELECTION = List.of("IMPLEMENTATION_PLAN", "MEMBER_REGISTRATION",
            "ASSEMBLY_NOTICE", "ELECTION_RULES", "CANDIDATE_NOMINATION", "VOTE_COUNT");

    private static UnionTree tree;
    private static String organizer;

    @BeforeAll
    static void buildTheTree() {
        tree = UnionTree.build(new UnionTree.Divisions("430000", "湖南省", "430100", "长沙市", "430102", "芙蓉区"));
        organizer = tree.staff("ORGANIZER", tree.district);
    }

    @Test
    void aFoundingApprovedByTheUnionAboveAdmitsTheMembersEnrolledWhileItWasBeingFounded() {
        String today = LocalDate.now(BEIJING).toString();
        JsonNode founding = expect(tree.post("/api/organizations/foundings", organizer, Map.of("parentId",
                tree.district.id(), "name", "芙蓉区外卖配送站联合工会（" + tree.run + "）", "kind", "JOINT_UNION",
                "divisionCode", tree.divisions.district(), "workerTypes", List.of("DELIVERY_RIDER"))), 201);
        String id = founding.get("id").asString();

        // Members are enrolled while the union is being founded (membership-service learns of it from the bus).
        List<String> rows = new ArrayList<>(List.of("姓名,身份证号,手机号,工种,平台,行政区划代码"));
        for (int i = 0; i < 3; i++) {
            rows.add("骑手" + i + "," + UnionTree.residentId(tree.divisions.district()) + ",13"
                    + String.format("%09d", RANDOM.nextInt(1_000_000_000)) + ",网约配送员," + tree.platformName + ","
                    + tree.divisions.district());
        }
        byte[] roster = String.join("\r\n", rows).getBytes(StandardCharsets.UTF_8);
        HttpAnswer[] upload = new HttpAnswer[1];
        await("membership-service knows the union being founded").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> (upload[0] = tree.gateway
                        .request("POST", "/api/members/bulk-enrolments?organizationId=" + id).token(organizer)
                        .multipart("file", "roster.csv", "text/csv", roster).send()).status() != 404);
        String enrolment = expect(upload[0], 202).get("id").asString();
        JsonNode held = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> expect(tree.gateway.get("/api/members/bulk-enrolments/" + enrolment, organizer), 200),
                        e -> e.get("status").asString().equals("DONE"));
        assertThat(held.get("held").asLong()).as(held.toString()).isEqualTo(3);
        assertThat(held.get("enrolled").asLong()).isZero();
        expect(tree.gateway.get("/api/organizations/" + id, organizer), 404);

        for (String step : ELECTION) {
            expect(tree.post("/api/organizations/foundings/" + id + "/steps", organizer, Map.of("step", step, "date",
                    today)), 200);
        }
        String approval = "/api/organizations/foundings/" + id + "/approval";
        UnionTree.expectProblem(tree.post(approval, tree.staff("BENEFIT_OFFICER", tree.district),
                Map.of("date", today)), 403, null);
        JsonNode approved = expect(tree.post(approval, organizer, Map.of("date", today, "note", "芙蓉区总工会批复")), 200);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("nextStep").asString()).isEqualTo("ONLINE_REGISTRATION");

        JsonNode union = expect(tree.gateway.get("/api/organizations/" + id, organizer), 200);
        assertThat(union.get("orgPath").asString()).isEqualTo(tree.district.path() + id + "/");
        JsonNode admitted = await("the held members are admitted").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> expect(tree.gateway.get("/api/members/bulk-enrolments/" + enrolment, organizer), 200),
                        e -> e.get("held").asLong() == 0);
        assertThat(admitted.get("enrolled").asLong()).isEqualTo(3);

        YearMonth month = YearMonth.now(BEIJING);
        String report = "/api/organizations/" + tree.district.id() + "/reports/monthly?year=" + month.getYear()
                + "&month=" + month.getMonthValue();
        JsonNode counted = await("organization-service counts the admitted members").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> expect(tree.gateway.get(report, organizer), 200),
                        r -> row(r, month).get("newMembers").get("DELIVERY_RIDER").asLong() == 3);
        assertThat(row(counted, month).get("unionsFounded").asLong()).as("founded in the month of the approval")
                .isEqualTo(1);
        assertThat(child(counted, id).get("members").asLong()).isEqualTo(3);
    }

    @Test
    void aClosedMonthReadsTheSameAfterLateEventsAndNewMembersLeaversAndTransfersAreSeparateFigures()
            throws IOException {
        // A month long past that this run alone reports on (closing is platform-wide).
        YearMonth closed = YearMonth.of(2001 + RANDOM.nextInt(18), 1 + RANDOM.nextInt(12));
        Org union = tree.union;
        Org elsewhere = tree.create(tree.admin, "天心区总工会（" + tree.run + "）", "DISTRICT_FEDERATION", "430103",
                tree.city.id());
        String first = UUID.randomUUID().toString();
        publish("membership.approved", approved(first, union, at(closed, 3)));
        publish("membership.approved", approved(UUID.randomUUID().toString(), union, at(closed, 4)));
        publish("membership.approved", approved(UUID.randomUUID().toString(), union, at(closed, 5)));
        publish("membership.withdrawn", Map.of("memberId", first, "workerType", "DELIVERY_RIDER", "organizationId",
                union.id(), "orgPath", union.path(), "reason", "离职", "withdrawnAt", at(closed, 10).toString()));
        publish("membership.transferred", Map.of("memberId", UUID.randomUUID().toString(), "workerType",
                "DELIVERY_RIDER", "fromOrganizationId", union.id(), "fromOrgPath", union.path(),
                "toOrganizationId", elsewhere.id(), "toOrgPath", elsewhere.path(), "transferredAt",
                at(closed, 12).toString()));

        String district = report(tree.district, closed);
        JsonNode before = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> expect(tree.gateway.get(district, tree.admin), 200),
                        r -> row(r, closed).get("transfersOut").asLong() == 1
                                && row(r, closed).get("leavers").asLong() == 1 && row(r, closed).get("total")
                                .asLong() == 3);
        JsonNode figures = row(before, closed);
        assertThat(figures.get("newMembers").get("DELIVERY_RIDER").asLong()).as("gross: a transfer is not new")
                .isEqualTo(3);
        assertThat(figures.get("transfersIn").asLong()).isZero();
        assertThat(figures.get("net").asLong()).isEqualTo(3 - 1 - 1);
        JsonNode cityRow = row(expect(tree.gateway.get(report(tree.city, closed), tree.admin), 200), closed);
        assertThat(cityRow.get("transfersOut").asLong()).as("a move inside the city is no transfer for it").isZero();
        assertThat(row(expect(tree.gateway.get(report(elsewhere, closed), tree.admin), 200), closed)
                .get("transfersIn").asLong()).isEqualTo(1);

        expect(tree.post("/api/organizations/reports/closings", tree.admin, Map.of("year", closed.getYear(),
                "month", closed.getMonthValue())), 200);
        JsonNode atClosing = expect(tree.gateway.get(district, tree.admin), 200);
        assertThat(row(atClosing, closed).get("closed").asBoolean()).isTrue();

        publish("membership.approved", approved(UUID.randomUUID().toString(), union, at(closed, 20)));
        JsonNode after = await("the late event is shown apart").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> expect(tree.gateway.get(district, tree.admin), 200),
                        r -> !row(r, closed).get("lateAdjustments").isNull());
        assertThat(withoutAdjustments(row(after, closed))).as("the closed month unchanged")
                .isEqualTo(withoutAdjustments(row(atClosing, closed)));
        assertThat(after.get("totals")).isEqualTo(atClosing.get("totals"));
        assertThat(after.get("children")).isEqualTo(atClosing.get("children"));
        assertThat(row(after, closed).get("lateAdjustments").get("total").asLong()).isEqualTo(1);
        assertThat(child(after, union.id()).get("figures").get("total").asLong()).isEqualTo(3);

        HttpAnswer workbook = tree.gateway.get(district.replace("monthly?", "monthly/xlsx?"), tree.admin);
        assertThat(workbook.status()).isEqualTo(200);
        assertThat(sharedStrings(workbook.bytes())).contains("下级组织", union.name(), "结账后补录（不计入上表）", "已结账",
                "退会", "转入", "转出", "净增");
    }

    /** The text cells of an XLSX (a ZIP archive): its shared strings. */
    private static String sharedStrings(byte[] xlsx) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/sharedStrings.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no shared strings in the workbook");
    }

    private static JsonNode withoutAdjustments(JsonNode row) {
        ObjectNode copy = (ObjectNode) row.deepCopy();
        copy.remove("lateAdjustments");
        return copy;
    }

    private static String report(Org org, YearMonth month) {
        return "/api/organizations/" + org.id() + "/reports/monthly?year=" + month.getYear() + "&month="
                + month.getMonthValue();
    }

    private static JsonNode row(JsonNode report, YearMonth month) {
        return report.get("months").get(month.getMonthValue() - 1);
    }

    private static JsonNode child(JsonNode report, String organizationId) {
        for (JsonNode child : report.get("children")) {
            if (child.get("organizationId").asString().equals(organizationId)) {
                return child;
            }
        }
        throw new AssertionError("no row for " + organizationId + " in " + report.get("children"));
    }

    private static Instant at(YearMonth month, int day) {
        return LocalDateTime.of(month.getYear(), month.getMonthValue(), day, 10, 0).atZone(BEIJING).toInstant();
    }

    private static Map<String, Object> approved(String memberId, Org union, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("memberId", memberId);
        payload.put("organizationId", union.id());
        payload.put("orgPath", union.path());
        payload.put("workerType", "DELIVERY_RIDER");
        payload.put("platform", tree.platformName);
        payload.put("divisionCode", tree.divisions.district());
        payload.put("approvedAt", at.toString());
        payload.put("channel", "APPLICATION");
        return payload;
    }

    /** Publishes a membership event on this run's exchange, as membership-service does (docs/events.md). */
    private static void publish(String type, Map<String, Object> payload) {
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId);
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("producer", "membership-service");
        envelope.put("payload", payload);
        CachingConnectionFactory connections = PlatformUnderTest.brokerConnections();
        try {
            MessageProperties properties = new MessageProperties();
            properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
            properties.setMessageId(eventId);
            properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
            new RabbitTemplate(connections).send(tree.platform.busExchange(), type,
                    new Message(UnionTree.JSON.writeValueAsBytes(envelope), properties));
        } finally {
            connections.destroy();
        }
    }
}
