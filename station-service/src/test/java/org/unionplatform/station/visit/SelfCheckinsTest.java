package org.unionplatform.station.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.time.ChinaTime;

class SelfCheckinsTest {

    private static final ZonedDateTime TEN = ZonedDateTime.of(2026, 12, 2, 10, 0, 0, 0, ChinaTime.ZONE);

    @Test
    void theSameMemberStationAndHourAlwaysGiveTheSameValidVisitId() {
        String id = SelfCheckins.visitId("m-1", "s-1", TEN);

        assertThat(SelfCheckins.visitId("m-1", "s-1", TEN)).isEqualTo(id);
        assertThat(id).matches("[A-Za-z0-9-]{8,64}");
        assertThat(SelfCheckins.visitId("m-1", "s-1", TEN.plusHours(1))).isNotEqualTo(id);
        assertThat(SelfCheckins.visitId("m-2", "s-1", TEN)).isNotEqualTo(id);
        assertThat(SelfCheckins.visitId("m-1", "s-2", TEN)).isNotEqualTo(id);
    }
}
