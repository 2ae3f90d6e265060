package org.unionplatform.organization.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The report's aggregation rules on counters alone: gross figures apart, the net made of them, adjustments. */
class FiguresTest {

    private static final List<String> COLUMNS = List.of("COURIER", "DELIVERY_RIDER", "TRUCK_DRIVER");

    @Test
    void newMembersAreGrossAndLeaversAndTransfersAreFiguresOfTheirOwn() {
        Figures march = Figures.of(Map.of("newMembers:COURIER", 5L, "newMembers:DELIVERY_RIDER", 2L,
                "leavers:COURIER", 3L, "transfersIn:DELIVERY_RIDER", 4L, "transfersOut:COURIER", 6L,
                "unionsFounded", 1L, "members:COURIER", 99L), COLUMNS);

        assertThat(march.newMembers()).containsExactly(Map.entry("COURIER", 5L), Map.entry("DELIVERY_RIDER", 2L),
                Map.entry("TRUCK_DRIVER", 0L));
        assertThat(march.total()).as("a transfer in is not a new member").isEqualTo(7);
        assertThat(march.leavers()).isEqualTo(3);
        assertThat(march.transfersIn()).isEqualTo(4);
        assertThat(march.transfersOut()).isEqualTo(6);
        assertThat(march.net()).as("new + in - out - leavers, may be negative").isEqualTo(2);
        assertThat(march.unionsFounded()).isEqualTo(1);
        assertThat(Figures.of(Map.of("leavers:COURIER", 2L), COLUMNS).net()).isEqualTo(-2);
        assertThat(Figures.of(Map.of("leavers:COURIER", 2L), COLUMNS).total()).isZero();
    }

    @Test
    void lateAdjustmentsAreTheLiveCountersMinusTheSnapshot() {
        Figures snapshot = Figures.of(Map.of("newMembers:COURIER", 5L, "leavers:COURIER", 1L), COLUMNS);
        Figures live = Figures.of(Map.of("newMembers:COURIER", 7L, "leavers:COURIER", 1L, "transfersOut:COURIER",
                1L), COLUMNS);

        Figures late = live.minus(snapshot);

        assertThat(late.total()).isEqualTo(2);
        assertThat(late.newMembers().get("COURIER")).isEqualTo(2);
        assertThat(late.leavers()).isZero();
        assertThat(late.transfersOut()).isEqualTo(1);
        assertThat(late.net()).isEqualTo(1);
        assertThat(late.isZero()).isFalse();
        assertThat(live.minus(live).isZero()).isTrue();
        assertThat(snapshot.plus(late)).isEqualTo(live);
    }

    @Test
    void theYearIsTheSumOfItsMonths() {
        Figures year = Figures.zero(COLUMNS)
                .plus(Figures.of(Map.of("newMembers:COURIER", 1L, "unionsFounded", 1L), COLUMNS))
                .plus(Figures.of(Map.of("newMembers:TRUCK_DRIVER", 2L, "transfersIn:COURIER", 1L), COLUMNS));

        assertThat(year.total()).isEqualTo(3);
        assertThat(year.newMembers()).containsEntry("TRUCK_DRIVER", 2L);
        assertThat(year.net()).isEqualTo(4);
        assertThat(year.unionsFounded()).isEqualTo(1);
    }
}
