package org.unionplatform.benefits.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.unionplatform.benefits.client.MemberEligibility;

/** The hardship rule reads the hardship register's answer and passes on why a member no longer counts. */
class EligibilityRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final EligibilityRules HARDSHIP = new EligibilityRules(null, null, null, 0, true);

    private static MemberEligibility courier(boolean hardship, String note) {
        return new MemberEligibility("m-1", "ACTIVE", "COURIER", "MALE", "xianyang-courier-federation",
                "/shaanxi/xianyang/xianyang-courier-federation/", LocalDate.of(2025, 1, 1), hardship, note);
    }

    @Test
    void aRegisteredMemberIsEligible() {
        assertThat(HARDSHIP.check(courier(true, null), TODAY)).isEmpty();
    }

    @Test
    void aMemberNeverRegisteredIsRefusedByTheHardshipRule() {
        assertThat(HARDSHIP.check(courier(false, null), TODAY)).hasValueSatisfying(failure -> {
            assertThat(failure.rule()).isEqualTo("hardship");
            assertThat(failure.detail()).isEqualTo("The program is for members registered as in hardship.");
        });
    }

    @Test
    void aLapsedRegistrationIsRefusedWithTheRegistersReason() {
        String lapsed = "困难职工建档已失效：复核日期 2026-11-30 前未复核，需重新建档";

        assertThat(HARDSHIP.check(courier(false, lapsed), TODAY)).hasValueSatisfying(failure -> {
            assertThat(failure.rule()).isEqualTo("hardship");
            assertThat(failure.detail()).isEqualTo(lapsed);
        });
    }

    @Test
    void aWorkerWhoIsNotAMemberIsCheckedOnlyByWorkerType() {
        EligibilityRules riders = new EligibilityRules(null, java.util.List.of("DELIVERY_RIDER"), null, 0, false);

        assertThat(riders.checkWorkerType("DELIVERY_RIDER")).isEmpty();
        assertThat(riders.checkWorkerType("COURIER")).hasValueSatisfying(f -> assertThat(f.rule()).isEqualTo("worker-type"));
        assertThat(EligibilityRules.ACTIVE_MEMBERS.checkWorkerType("COURIER")).isEmpty();
    }
}
