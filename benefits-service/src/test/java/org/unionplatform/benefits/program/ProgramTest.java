package org.unionplatform.benefits.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.common.web.PlatformProblemException;

/** A program's status rules: DRAFT -> OPEN -> CLOSED, issuing only while open and within its period. */
class ProgramTest {

    @Test
    void onlyADraftOpens() {
        assertThatNoException().isThrownBy(() -> TestPrograms.money(ProgramStatus.DRAFT).requireOpenable());
        assertThatThrownBy(() -> TestPrograms.money(ProgramStatus.OPEN).requireOpenable())
                .isInstanceOf(ConflictException.class).satisfies(e -> assertReason(e, "program-status"))
                .hasMessageContaining("OPEN");
        assertThatThrownBy(() -> TestPrograms.money(ProgramStatus.CLOSED).requireOpenable())
                .isInstanceOf(ConflictException.class).satisfies(e -> assertReason(e, "program-status"));
    }

    @Test
    void onlyAnOpenProgramCloses() {
        assertThatNoException().isThrownBy(() -> TestPrograms.money(ProgramStatus.OPEN).requireClosable());
        assertThatThrownBy(() -> TestPrograms.money(ProgramStatus.DRAFT).requireClosable())
                .isInstanceOf(ConflictException.class).satisfies(e -> assertReason(e, "program-status"));
        assertThatThrownBy(() -> TestPrograms.money(ProgramStatus.CLOSED).requireClosable())
                .isInstanceOf(ConflictException.class).satisfies(e -> assertReason(e, "program-status"));
    }

    @Test
    void stockIsAddedToAnItemProgramUntilItCloses() {
        assertThatNoException().isThrownBy(() -> TestPrograms.items(ProgramStatus.DRAFT, 10).requireRestockable());
        assertThatNoException().isThrownBy(() -> TestPrograms.items(ProgramStatus.OPEN, 0).requireRestockable());
        assertThatThrownBy(() -> TestPrograms.items(ProgramStatus.CLOSED, 10).requireRestockable())
                .isInstanceOf(ConflictException.class).satisfies(e -> assertReason(e, "program-status"));
        assertThatThrownBy(() -> TestPrograms.money(ProgramStatus.OPEN).requireRestockable())
                .isInstanceOf(BusinessRuleViolationException.class).satisfies(e -> assertRule(e, "stock"));
    }

    @Test
    void grantsAreTakenOnlyWhileOpenAndWithinThePeriod() {
        Program open = TestPrograms.money(ProgramStatus.OPEN);

        assertThatNoException().isThrownBy(open::requireOpen);
        assertThatNoException().isThrownBy(() -> open.requireRunningOn(TestPrograms.STARTS_ON));
        assertThatNoException().isThrownBy(() -> open.requireRunningOn(TestPrograms.ENDS_ON));
        assertThatThrownBy(() -> open.requireRunningOn(TestPrograms.ENDS_ON.plusDays(1)))
                .satisfies(e -> assertRule(e, "program-period"));
        assertThatThrownBy(() -> open.requireRunningOn(TestPrograms.STARTS_ON.minusDays(1)))
                .satisfies(e -> assertRule(e, "program-period"));
        assertThatThrownBy(() -> TestPrograms.money(ProgramStatus.DRAFT).requireOpen())
                .satisfies(e -> assertRule(e, "program-open"));
        assertThatThrownBy(() -> TestPrograms.money(ProgramStatus.CLOSED).requireOpen())
                .satisfies(e -> assertRule(e, "program-open"));
    }

    @Test
    void onlyInsuranceProgramsTakeClaims() {
        assertThatNoException().isThrownBy(() -> TestPrograms.insurance(ProgramStatus.OPEN).requireTakesClaims());
        assertThatThrownBy(() -> TestPrograms.money(ProgramStatus.OPEN).requireTakesClaims())
                .satisfies(e -> assertRule(e, "claims-accepted"));
        assertThatThrownBy(() -> TestPrograms.items(ProgramStatus.OPEN, 5).requireTakesClaims())
                .satisfies(e -> assertRule(e, "claims-accepted"));
    }

    private static void assertReason(Throwable e, String reason) {
        assertThat(((PlatformProblemException) e).properties()).containsEntry("reason", reason);
    }

    private static void assertRule(Throwable e, String rule) {
        assertThat(e).isInstanceOf(BusinessRuleViolationException.class);
        assertThat(((PlatformProblemException) e).properties()).containsEntry("rule", rule);
    }
}
