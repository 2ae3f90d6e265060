package org.unionplatform.benefits.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionplatform.benefits.StepCrashes.ArmedStepFaults;
import org.unionplatform.benefits.grant.Grant;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.testsupport.security.TestTokens;

/**
 * Serving a waiting member stopped at every step (the restock's request dies), then finished by the sweep and the
 * next restock: each member gets one pack and the stock is spent once per pack. Before the fix, a crash between
 * settling and marking the entry SERVED let the next restock spend a second item on the same member.
 */
class WelcomePackCrashIT extends WelcomeIT {

    @Autowired
    ArmedStepFaults faults;
    @Autowired
    WelcomePacks welcomePacks;

    @AfterEach
    void calm() {
        faults.disarm();
    }

    @ParameterizedTest
    @ValueSource(strings = {"welcome.after-reserve", "welcome.after-insert", "welcome.after-settle"})
    void aCrashWhileServingIsFinishedOnceAndEveryMemberGetsOnePack(String point) {
        Org org = newOrg();
        String officer = TestTokens.benefitOfficer(org.districtPath());
        String programId = openProgram(officer, welcomeProgram(org, 0));
        Instant start = Instant.now().minusSeconds(60);
        List<String> members = List.of("a-" + org.unionId(), "b-" + org.unionId(), "c-" + org.unionId());
        for (int i = 0; i < members.size(); i++) {
            publish(UUID.randomUUID(), members.get(i), org, start.plusSeconds(i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> members.stream()
                .allMatch(m -> mongo.findById(WelcomeEntry.idOf(m), WelcomeEntry.class) != null));

        faults.crashAt(point);
        assertThat(post("/api/benefits/programs/" + programId + "/stock", officer, Map.of("items", 1)).status())
                .isEqualTo(500);
        assertThat(packs(programId).size()).isLessThanOrEqualTo(1);
        welcomePacks.sweep(Instant.now().plusSeconds(1));
        welcomePacks.sweep(Instant.now().plusSeconds(1));
        assertThat(post("/api/benefits/programs/" + programId + "/stock", officer, Map.of("items", 1)).status())
                .isEqualTo(200);
        assertThat(post("/api/benefits/programs/" + programId + "/stock", officer, Map.of("items", 1)).status())
                .isEqualTo(200);

        assertThat(packs(programId)).extracting(Grant::memberId).containsExactlyInAnyOrderElementsOf(members);
        Program program = mongo.findById(programId, Program.class);
        assertThat(program.stockIssued()).isEqualTo(3);
        assertThat(program.stockReserved()).isZero();
        assertThat(program.stockAvailable()).isZero();
        assertThat(program.pending()).isEmpty();
        assertThat(members).allSatisfy(m -> assertThat(mongo.findById(WelcomeEntry.idOf(m), WelcomeEntry.class)
                .status()).isEqualTo(WelcomeEntry.Status.SERVED));
    }
}
