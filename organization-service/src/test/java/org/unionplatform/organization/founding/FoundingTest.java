package org.unionplatform.organization.founding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionplatform.organization.Problems.assertRefused;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationKind;
import org.unionplatform.organization.tree.TreeFixtures;

/** A union's founding, step by step, on the aggregate alone. */
class FoundingTest {

    private static final Instant AT = Instant.parse("2026-06-01T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private final Organization beilin = TreeFixtures.beilin();

    private Founding start(OrganizationKind kind) {
        return Founding.start("f1", beilin, "碑林区快递行业联合工会", kind, "610103", Set.of("COURIER"), Set.of(),
                List.of("c1"), "organizer", AT);
    }

    @Test
    void aFoundingStartsUnderItsParentWithNoStepDone() {
        Founding founding = start(OrganizationKind.JOINT_UNION);

        assertThat(founding.status()).isEqualTo(Founding.Status.IN_PROGRESS);
        assertThat(founding.orgPath()).isEqualTo(beilin.path());
        assertThat(founding.nextStep()).isEqualTo(FoundingStep.IMPLEMENTATION_PLAN);
    }

    @Test
    void federationsByLevelAreNotFounded() {
        assertRefused(() -> start(OrganizationKind.STREET_FEDERATION), HttpStatus.UNPROCESSABLE_CONTENT,
                "founding-kind");
    }

    @Test
    void theUnionMustFitTheTree() {
        assertRefused(() -> Founding.start("f1", beilin, "x", OrganizationKind.JOINT_UNION, "610802", Set.of(),
                Set.of(), List.of(), "organizer", AT), HttpStatus.UNPROCESSABLE_CONTENT, "division-within-parent");
    }

    @Test
    void stepsGoInTheirFixedOrderAndTheLastOneSaysSo() {
        Founding founding = start(OrganizationKind.JOINT_UNION);
        FoundingStep[] steps = FoundingStep.values();
        for (int i = 0; i < steps.length; i++) {
            boolean last = founding.record(steps[i], TODAY.minusDays(steps.length - i), TODAY, "organizer", null, AT);
            assertThat(last).isEqualTo(i == steps.length - 1);
        }
        assertThat(founding.steps()).extracting(Founding.StepRecord::step).containsExactly(steps);
        assertThat(founding.nextStep()).isNull();

        founding.completed("f1", AT);

        assertThat(founding.status()).isEqualTo(Founding.Status.COMPLETED);
        assertThat(founding.organizationId()).isEqualTo("f1");
    }

    @Test
    void aStepOutOfOrderIsRefused() {
        Founding founding = start(OrganizationKind.JOINT_UNION);

        assertRefused(() -> founding.record(FoundingStep.MEMBER_REGISTRATION, TODAY, TODAY, "organizer", null, AT),
                HttpStatus.UNPROCESSABLE_CONTENT, "founding-step-order");
        assertThat(founding.steps()).isEmpty();
    }

    @Test
    void aStepIsNotInTheFutureNorBeforeThePreviousOne() {
        Founding founding = start(OrganizationKind.JOINT_UNION);

        assertRefused(() -> founding.record(FoundingStep.IMPLEMENTATION_PLAN, TODAY.plusDays(1), TODAY, "organizer",
                null, AT), HttpStatus.UNPROCESSABLE_CONTENT, "founding-step-date");
        founding.record(FoundingStep.IMPLEMENTATION_PLAN, TODAY, TODAY, "organizer", null, AT);
        assertRefused(() -> founding.record(FoundingStep.MEMBER_REGISTRATION, TODAY.minusDays(1), TODAY, "organizer",
                null, AT), HttpStatus.UNPROCESSABLE_CONTENT, "founding-step-date");
        founding.record(FoundingStep.MEMBER_REGISTRATION, TODAY, TODAY, "organizer", null, AT);
        assertThat(founding.steps()).hasSize(2);
    }

    @Test
    void aFoundingCompletesOnlyAfterItsLastStepAndOnlyOnce() {
        Founding founding = start(OrganizationKind.JOINT_UNION);
        assertRefused(() -> founding.completed("f1", AT), HttpStatus.CONFLICT, "founding-not-complete");

        for (FoundingStep step : FoundingStep.values()) {
            founding.record(step, TODAY, TODAY, "organizer", null, AT);
        }
        founding.completed("f1", AT);

        assertRefused(() -> founding.completed("f1", AT), HttpStatus.CONFLICT, "founding-not-complete");
        assertRefused(() -> founding.record(FoundingStep.BANK_ACCOUNT, TODAY, TODAY, "organizer", null, AT),
                HttpStatus.CONFLICT, "founding-completed");
    }
}
