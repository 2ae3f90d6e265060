package org.unionplatform.benefits.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.PlatformProblemException;

/** Gift packs may serve every worker; what membership gives (insurance, hardship, welcome packs) serves members. */
class AudienceTest {

    @Test
    void aSeasonalGiftPackMayServeAllWorkers() {
        assertThatNoException().isThrownBy(() -> Audience.ALL_WORKERS.requireAllowedFor("SEASONAL_CAMPAIGN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MUTUAL_AID_INSURANCE", "FEMALE_MEDICAL_MUTUAL_AID", "HARDSHIP_GRANT", "WELCOME_PACK",
            "SOLACE_MONEY"})
    void otherKindsServeMembersOnly(String kind) {
        assertThatNoException().isThrownBy(() -> Audience.MEMBERS.requireAllowedFor(kind));
        assertThatThrownBy(() -> Audience.ALL_WORKERS.requireAllowedFor(kind))
                .isInstanceOf(BusinessRuleViolationException.class)
                .satisfies(e -> assertThat(((PlatformProblemException) e).properties())
                        .containsEntry("rule", "program-audience"));
    }

    @Test
    void aProgramServesMembersUnlessMarkedOpenToAllWorkers() {
        Program stored = TestPrograms.items(ProgramStatus.OPEN, 10);

        assertThat(stored.audience()).isEqualTo(Audience.MEMBERS);
        assertThatThrownBy(stored::requireOpenToAllWorkers)
                .satisfies(e -> assertThat(((PlatformProblemException) e).properties())
                        .containsEntry("rule", "program-audience"));
    }
}
