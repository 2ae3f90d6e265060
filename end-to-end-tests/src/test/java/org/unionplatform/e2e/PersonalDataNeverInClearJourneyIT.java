package org.unionplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionplatform.e2e.UnionTree.expect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionplatform.testsupport.TestInfrastructure;
import org.unionplatform.testsupport.http.HttpAnswer;
import tools.jackson.databind.JsonNode;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * Personal data is never stored, logged or published in clear: after a scenario that creates members every way there is (the public
 * form, an organizer's form, approvals, a rejection, a read of the full values, a bulk file with a bad row), no
 * resident ID number of the scenario, and no GB 11643-valid number at all, is found in clear in any document of
 * this run's databases, in any application's log, or in any message published on this run's exchange; and the
 * scenario's phone numbers appear only masked.
 *
 * <p>The tree is in Tibet's Lhasa (540100, Chengguan 540102), apart from every other journey's.
 */
class PersonalDataNeverInClearJourneyIT {

    /** 18 characters that could be a resident ID, not inside a longer run of letters or digits (ciphertext, ids). */
    private static final Pattern ID_SHAPED = Pattern.compile("(?<![0-9A-Za-z])[1-8][0-9]{16}[0-9Xx](?![0-9A-Za-z])");
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    private static MembershipFixture fixture;
    private static BusTap bus;

    @BeforeAll
    static void buildTheTreeAndListenToEverything() {
        fixture = new MembershipFixture("拉萨", "540000", "540100", "540102");
        bus = new BusTap(fixture.platform.busExchange(), "#");
    }

    @AfterAll
    static void removeTheTap() {
        if (bus != null) {
            bus.close();
        }
    }

    @Test
    void noResidentIdIsStoredLoggedOrPublishedInClearAndPhonesOnlyMasked() {
        List<MembershipFixture.Worker> people = new ArrayList<>();

        List<String> memberIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MembershipFixture.Worker worker = fixture.newWorker();
            people.add(worker);
            memberIds.add(fixture.enrol(worker).get("memberId").asString());
        }
        JsonNode fullValues = expect(fixture.gateway.get("/api/members/" + memberIds.get(0) + "/personal-data",
                fixture.organizer), 200);
        assertThat(fullValues.get("residentId").asString()).as("the one place the full value may be read")
                .isEqualTo(people.get(0).residentId());

        MembershipFixture.Worker rejected = fixture.newWorker();
        people.add(rejected);
        String rejectedId = submittedApplication(fixture.apply(fixture.form(rejected)));
        fixture.awaitDispatched(rejectedId, Duration.ofSeconds(90));
        expect(fixture.post("/api/members/applications/" + rejectedId + "/rejection", fixture.organizer,
                Map.of("reason", "材料不全，请补充后重新申请")), 200);

        MembershipFixture.Worker filedByOrganizer = fixture.newWorker();
        people.add(filedByOrganizer);
        String pendingId = submittedApplication(fixture.post("/api/members/applications/by-organizer",
                fixture.organizer, fixture.form(filedByOrganizer)));
        fixture.awaitDispatched(pendingId, Duration.ofSeconds(90));

        List<MembershipFixture.Worker> bulk = List.of(fixture.newWorker(), fixture.newWorker(), fixture.newWorker());
        people.addAll(bulk);
        MembershipFixture.Worker badRow = fixture.newWorker();
        String badId = badRow.residentId().substring(0, 17) + (badRow.residentId().charAt(17) == '0' ? '1' : '0');
        people.add(new MembershipFixture.Worker(badRow.name(), badId, badRow.phone(), badRow.divisionCode()));
        String upload = enrolInBulk(bulk, badRow, badId);

        // Everything the scenario set off has been published and consumed before anything is scanned.
        bus.awaitCount(EVENTUAL, 3 + bulk.size(), message -> message.routingKey().equals("membership.approved"));
        await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(300)).until(() -> expect(fixture.gateway.get(
                "/api/organizations/" + fixture.union.id() + "/targets/" + fixture.year + "/progress",
                fixture.organizer), 200).get("organization").get("newMembersTotal").asLong() == 3 + bulk.size());
        assertThat(Path.of(System.getProperty("java.io.tmpdir"), "membership-bulk", upload + ".upload"))
                .as("the spooled upload is gone once enrolled").doesNotExist();

        List<Haystack> haystacks = new ArrayList<>(databaseDocuments());
        haystacks.addAll(logFiles());
        bus.received().forEach(message -> haystacks.add(new Haystack("message " + message.routingKey(),
                message.body())));
        assertThat(haystacks).as("documents, logs and messages scanned")
                .anyMatch(haystack -> haystack.where().startsWith("message"))
                .anyMatch(haystack -> haystack.where().startsWith("log"))
                .anyMatch(haystack -> haystack.where().contains("_membership_service.members"));
        assertThat(haystacks.stream().filter(h -> h.where().contains("_membership_service.members")).count())
                .as("every member document is scanned").isGreaterThanOrEqualTo(3 + bulk.size());

        List<String> findings = new ArrayList<>();
        for (Haystack haystack : haystacks) {
            for (MembershipFixture.Worker person : people) {
                if (haystack.text().contains(person.residentId())) {
                    findings.add(haystack.where() + ": resident ID of " + person.name());
                }
                if (haystack.text().contains(person.phone())) {
                    findings.add(haystack.where() + ": phone of " + person.name());
                }
            }
            Matcher candidate = ID_SHAPED.matcher(haystack.text());
            while (candidate.find()) {
                if (isValidResidentId(candidate.group())) {
                    findings.add(haystack.where() + ": a valid resident ID " + candidate.group().substring(0, 3)
                            + "..." + candidate.group().substring(14));
                }
            }
        }
        assertThat(findings).as("personal data in clear").isEmpty();

        String masked = people.get(0).phone().substring(0, 3) + "****" + people.get(0).phone().substring(7);
        assertThat(haystacks).as("the phone is kept, masked, for display").anyMatch(h -> h.text().contains(masked));
    }

    /** The id of a filed application: the receipt code of the public answer, or the organizer's applicationId. */
    private static String submittedApplication(HttpAnswer answer) {
        assertThat(answer.status()).as(answer.body()).isIn(201, 202);
        JsonNode body = answer.json();
        return (body.has("receiptCode") ? body.get("receiptCode") : body.get("applicationId")).asString();
    }

    /** Three good rows and one with a mistyped ID, in the Chinese headings Excel users write. */
    private static String enrolInBulk(List<MembershipFixture.Worker> rows, MembershipFixture.Worker badRow,
            String badId) {
        StringBuilder csv = new StringBuilder("姓名,身份证号,手机号,工种,平台,行政区划代码\n");
        for (MembershipFixture.Worker row : rows) {
            csv.append(String.join(",", row.name(), row.residentId(), row.phone(), "网约配送员", fixture.platformName,
                    row.divisionCode())).append('\n');
        }
        csv.append(String.join(",", badRow.name(), badId, badRow.phone(), "网约配送员", fixture.platformName,
                badRow.divisionCode())).append('\n');
        JsonNode accepted = expect(fixture.upload("/api/members/bulk-enrolments?organizationId=" + fixture.union.id(),
                fixture.organizer, "roster.csv", csv.toString().getBytes(StandardCharsets.UTF_8)), 202);
        String id = accepted.get("id").asString();
        JsonNode done = await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(300)).until(
                () -> expect(fixture.gateway.get("/api/members/bulk-enrolments/" + id, fixture.organizer), 200),
                progress -> List.of("DONE", "FAILED").contains(progress.get("status").asString()));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("enrolled").asLong()).isEqualTo(rows.size());
        assertThat(done.get("rejected").asLong()).isEqualTo(1);
        HttpAnswer report = fixture.gateway.get("/api/members/bulk-enrolments/" + id + "/report",
                fixture.organizer);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("REJECTED").doesNotContain(badId);
        return id;
    }

    // ---- where personal data could end up ----

    /** One scanned text and where it came from (never the text itself in a failure message). */
    record Haystack(String where, String text) {
    }

    /** Every document of every collection of this run's databases (e2e_<runId>_<service>), as extended JSON. */
    private static List<Haystack> databaseDocuments() {
        String prefix = "e2e_" + TestInfrastructure.runId() + "_";
        List<Haystack> documents = new ArrayList<>();
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri())) {
            for (String name : client.listDatabaseNames()) {
                if (!name.startsWith(prefix)) {
                    continue;
                }
                MongoDatabase database = client.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    for (Document document : database.getCollection(collection).find()) {
                        documents.add(new Haystack(name + "." + collection + " " + document.get("_id"),
                                document.toJson()));
                    }
                }
            }
        }
        assertThat(documents).as("this run's databases hold documents").isNotEmpty();
        return documents;
    }

    /** The applications' own output: every line each process has written to its log file. */
    private static List<Haystack> logFiles() {
        Path logs = projectRoot().resolve("end-to-end-tests").resolve("target").resolve("platform-logs");
        List<Haystack> files = new ArrayList<>();
        for (String application : applications()) {
            Path file = logs.resolve(application + ".log");
            try {
                files.add(new Haystack("log " + application, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file.getFileName(), e);
            }
        }
        return files;
    }

    private static List<String> applications() {
        return Stream.concat(PlatformUnderTest.SERVICES.stream(), Stream.of(PlatformUnderTest.GATEWAY)).toList();
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the project root").isNotNull();
        return dir;
    }

    /** GB 11643, checked here: a real birth date from 1900 to today and the right check character. */
    static boolean isValidResidentId(String candidate) {
        String upper = candidate.toUpperCase();
        if (MembershipFixture.checkCharacter(upper.substring(0, 17)) != upper.charAt(17)) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.parse(upper.substring(6, 14), BIRTH_DATE);
            return !birth.isBefore(LocalDate.of(1900, 1, 1)) && !birth.isAfter(LocalDate.now());
        } catch (DateTimeParseException notADate) {
            return false;
        }
    }
}
