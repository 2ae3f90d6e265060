package org.unionplatform.organization.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.web.PlatformProblemException;

class StandardAssessmentTest {

    private static final List<StandardProperties.Item> STANDARD = List.of(
            new StandardProperties.Item("ORGANIZATION", "有组织"), new StandardProperties.Item("FUNDS", "有经费"));
    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void passedOnlyIfEveryPointIsMetWithTheLabelsKept() {
        StandardAssessment passed = submit(Map.of("ORGANIZATION", true, "FUNDS", true));
        StandardAssessment failed = submit(Map.of("ORGANIZATION", true, "FUNDS", false));

        assertThat(passed.passed()).isTrue();
        assertThat(failed.result()).isEqualTo(StandardAssessment.Result.FAILED);
        assertThat(failed.answers()).containsExactly(new StandardAssessment.Answer("ORGANIZATION", "有组织", true),
                new StandardAssessment.Answer("FUNDS", "有经费", false));
        assertThat(passed.status()).isEqualTo(StandardAssessment.Status.SUBMITTED);
    }

    @Test
    void everyPointAndNoOtherMustBeAnswered() {
        assertThatThrownBy(() -> submit(Map.of("ORGANIZATION", true)))
                .isInstanceOfSatisfying(PlatformProblemException.class,
                        refused -> assertThat(refused.properties()).containsEntry("rule", "standard-incomplete"));
        assertThatThrownBy(() -> submit(Map.of("ORGANIZATION", true, "FUNDS", true, "六送", true)))
                .isInstanceOfSatisfying(PlatformProblemException.class,
                        refused -> assertThat(refused.properties()).containsEntry("rule", "unknown-standard-item"));
    }

    @Test
    void checkedOnceConfirmedOrReturnedWithTheReason() {
        StandardAssessment confirmed = submit(Map.of("ORGANIZATION", true, "FUNDS", true));
        confirmed.confirm("city-organizer", AT.plusSeconds(60));
        StandardAssessment returned = submit(Map.of("ORGANIZATION", true, "FUNDS", true));
        returned.returnWith("经费台账缺失", "city-organizer", AT.plusSeconds(60));

        assertThat(confirmed.status()).isEqualTo(StandardAssessment.Status.CONFIRMED);
        assertThat(returned.returnReason()).isEqualTo("经费台账缺失");
        assertThatThrownBy(() -> confirmed.returnWith("again", "x", AT))
                .isInstanceOfSatisfying(PlatformProblemException.class, refused -> assertThat(refused.properties())
                        .containsEntry("rule", "assessment-already-checked"));
        assertThatThrownBy(() -> returned.confirm("x", AT)).isInstanceOf(PlatformProblemException.class);
    }

    private static StandardAssessment submit(Map<String, Boolean> results) {
        return StandardAssessment.submit("a-1", "union-1", STANDARD, results, null, "union-organizer", AT);
    }
}
