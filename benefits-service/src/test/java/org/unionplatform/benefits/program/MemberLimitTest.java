package org.unionplatform.benefits.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class MemberLimitTest {

    @Test
    void programsSharingAKeyCountTogetherAcrossOrganisations() {
        var beilin = new MemberLimit(1, LimitPeriod.WHOLE, "summer-cooling-2026");
        var xianyang = new MemberLimit(1, LimitPeriod.WHOLE, "summer-cooling-2026");

        assertThat(beilin.counter("p-beilin", "m-1", LocalDate.of(2026, 7, 1)))
                .isEqualTo(xianyang.counter("p-xianyang", "m-1", LocalDate.of(2026, 8, 1)));
    }

    @Test
    void perPeriodLimitsStartAgainInTheNextPeriod() {
        var monthly = new MemberLimit(2, LimitPeriod.MONTH, null);
        var quarterly = new MemberLimit(1, LimitPeriod.QUARTER, null);

        assertThat(monthly.counter("p", "m", LocalDate.of(2026, 1, 31)))
                .isNotEqualTo(monthly.counter("p", "m", LocalDate.of(2026, 2, 1)));
        assertThat(quarterly.counter("p", "m", LocalDate.of(2026, 1, 5)))
                .isEqualTo(quarterly.counter("p", "m", LocalDate.of(2026, 3, 31)))
                .isNotEqualTo(quarterly.counter("p", "m", LocalDate.of(2026, 4, 1)));
        assertThat(MemberLimit.ONCE.counter("p1", "m", LocalDate.of(2026, 1, 1)))
                .isNotEqualTo(MemberLimit.ONCE.counter("p2", "m", LocalDate.of(2026, 1, 1)));
    }
}
