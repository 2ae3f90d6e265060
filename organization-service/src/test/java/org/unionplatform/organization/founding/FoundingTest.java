package org.unionplatform.organization.founding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionplatform.organization.Problems.assertRefused;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.unionplatform.organization.events.FoundingStarted;
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
    void aFoundingAnnouncesTheUnionItWillBeSoMembersCanBeHeldForIt() {
        Founding founding = start(OrganizationKind.JOINT_UNION);

        assertThat(founding.registeredEvents()).singleElement().isInstanceOfSatisfying(FoundingStarted.class,
                started -> {
                    assertThat(started.foundingId()).isEqualTo("f1");
                    assertThat(started.orgPath()).isEqualTo(beilin.path() + "f1/");
                    assertThat(started.parentId()).isEqualTo(beilin.id());
                });
    }

    @Test
    void theElectionThenTheApprovalOfTheUnionAboveThenCertificateAndBankAccount() {
        Founding founding = start(OrganizationKind.JOINT_UNION);
        List<FoundingStep> steps = List.of(FoundingStep.values());
        int approval = steps.indexOf(FoundingStep.UNION_APPROVAL);
        assertThat(steps.subList(0, approval)).endsWith(FoundingStep.CANDIDATE_NOMINATION, FoundingStep.VOTE_COUNT);
        assertThat(steps.subList(approval + 1, steps.size())).contains(FoundingStep.LEGAL_PERSON_CERTIFICATE,
                FoundingStep.BANK_ACCOUNT);

        for (FoundingStep step : steps.subList(0, approval)) {
            founding.record(step, TODAY.minusDays(5), TODAY, "organizer", null, AT);
            assertThat(founding.status()).isEqualTo(Founding.Status.IN_PROGRESS);
        }
        assertRefused(() -> founding.founded("f1"), HttpStatus.CONFLICT, "founding-not-approved");
        founding.approve(TODAY.minusDays(3), TODAY, "parent-organizer", "批复", AT);
        founding.founded("f1");

        assertThat(founding.status()).isEqualTo(Founding.Status.APPROVED);
        assertThat(founding.approvedOn()).isEqualTo(TODAY.minusDays(3));
        assertThat(founding.approvedBy()).isEqualTo("parent-organizer");
        assertThat(founding.organizationId()).isEqualTo("f1");
        for (FoundingStep step : steps.subList(approval + 1, steps.size())) {
            founding.record(step, TODAY, TODAY, "organizer", null, AT);
            assertThat(founding.status()).isEqualTo(step == FoundingStep.BANK_ACCOUNT ? Founding.Status.COMPLETED
                    : Founding.Status.APPROVED);
        }
        assertThat(founding.steps()).extracting(Founding.StepRecord::step).containsExactlyElementsOf(steps);
        assertThat(founding.status()).isEqualTo(Founding.Status.COMPLETED);
        assertThat(founding.nextStep()).isNull();
    }

    @Test
    void theFoundersCannotRecordTheApprovalThemselvesNorSkipIt() {
        Founding founding = start(OrganizationKind.JOINT_UNION);
        for (FoundingStep step : FoundingStep.values()) {
            if (step == FoundingStep.UNION_APPROVAL) {
                break;
            }
            founding.record(step, TODAY, TODAY, "organizer", null, AT);
        }

        assertRefused(() -> founding.record(FoundingStep.UNION_APPROVAL, TODAY, TODAY, "organizer", null, AT),
                HttpStatus.UNPROCESSABLE_CONTENT, "founding-approval");
        assertRefused(() -> founding.record(FoundingStep.LEGAL_PERSON_CERTIFICATE, TODAY, TODAY, "organizer", null,
                AT), HttpStatus.UNPROCESSABLE_CONTENT, "founding-step-order");
        assertThat(founding.status()).isEqualTo(Founding.Status.IN_PROGRESS);
    }

    @Test
    void theApprovalComesOnlyAfterTheElection() {
        Founding founding = start(OrganizationKind.JOINT_UNION);
        founding.record(FoundingStep.IMPLEMENTATION_PLAN, TODAY, TODAY, "organizer", null, AT);

        assertRefused(() -> founding.approve(TODAY, TODAY, "parent-organizer", null, AT),
                HttpStatus.UNPROCESSABLE_CONTENT, "founding-step-order");
        assertThat(founding.status()).isEqualTo(Founding.Status.IN_PROGRESS);
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
    void nothingIsRecordedOnceComplete() {
        Founding founding = start(OrganizationKind.JOINT_UNION);
        for (FoundingStep step : FoundingStep.values()) {
            if (step == FoundingStep.UNION_APPROVAL) {
                founding.approve(TODAY, TODAY, "parent-organizer", null, AT);
            } else {
                founding.record(step, TODAY, TODAY, "organizer", null, AT);
            }
        }

        assertRefused(() -> founding.record(FoundingStep.BANK_ACCOUNT, TODAY, TODAY, "organizer", null, AT),
                HttpStatus.CONFLICT, "founding-completed");
        assertRefused(() -> founding.approve(TODAY, TODAY, "parent-organizer", null, AT), HttpStatus.CONFLICT,
                "founding-completed");
    }
}
