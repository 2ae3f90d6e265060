package org.unionplatform.station.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.web.ConflictException;
import org.unionplatform.station.events.CheckinRecorded;
import org.unionplatform.station.events.CheckinVerified;
import org.unionplatform.station.station.Station;
import org.unionplatform.station.station.TestStations;

class VisitTest {

    private static final String PATH = "/shaanxi/xianyang/xianyang-courier-federation/";
    /** 23:30 on 1 December in Asia/Shanghai (15:30 UTC). */
    private static final Instant VISITED = Instant.parse("2026-12-01T15:30:00Z");
    private static final Instant NOW = VISITED.plusSeconds(60);
    private static final Station STATION = TestStations.open("xy-love-99", PATH, VISITED.minusSeconds(86_400));

    private static Visit record(Visit.Visitor visitor, boolean publish) {
        return Visit.record("visit-0001", STATION, VISITED, NOW, "xy-attendant-1", visitor, List.of("REST"), publish);
    }

    private static Visit pending() {
        return record(new Visit.Visitor(null, "XY000123", null, "UNKNOWN", Verification.PENDING), true);
    }

    @Test
    void aRecordedVisitCountsOnItsChinaDayAndHourAndRegistersCheckinRecorded() {
        Visit visit = record(new Visit.Visitor(null, null, null, "COURIER", Verification.ANONYMOUS), true);

        assertThat(visit.day()).isEqualTo("2026-12-01");
        assertThat(visit.tally().hour()).isEqualTo(23);
        assertThat(visit.counted()).isFalse();
        assertThat(visit.registeredEvents()).containsExactly(new CheckinRecorded("visit-0001", "xy-love-99",
                "测试驿站", PATH, null, false, "COURIER", List.of("REST"), VISITED));
    }

    @Test
    void historicVisitsRegisterNothing() {
        Visit visit = record(new Visit.Visitor(null, null, null, "COURIER", Verification.ANONYMOUS), false);

        assertThat(visit.registeredEvents()).isEmpty();
    }

    @Test
    void aPendingVisitKeepsItsQrTokenUntilVerifiedThenRegistersCheckinVerified() {
        Visit visit = record(new Visit.Visitor(null, null, "qr-token", "UNKNOWN", Verification.PENDING), true);
        assertThat(visit.pendingQrToken()).isEqualTo("qr-token");

        visit.verified("member-123", "XY000123", "COURIER");

        assertThat(visit.verification()).isEqualTo(Verification.VERIFIED);
        assertThat(visit.memberId()).isEqualTo("member-123");
        assertThat(visit.cardNumber()).isEqualTo("XY000123");
        assertThat(visit.workerType()).isEqualTo("COURIER");
        assertThat(visit.pendingQrToken()).isNull();
        assertThat(visit.registeredEvents()).last().isEqualTo(
                new CheckinVerified("visit-0001", "xy-love-99", "测试驿站", "member-123", VISITED));
    }

    @Test
    void aPendingCardNobodyHoldsLeavesTheVisitUnmatched() {
        Visit visit = pending();

        visit.unmatched();

        assertThat(visit.verification()).isEqualTo(Verification.UNMATCHED);
        assertThat(visit.memberId()).isNull();
        assertThat(visit.registeredEvents()).hasSize(1);
    }

    @Test
    void onlyAPendingVisitIsSettled() {
        Visit verified = pending();
        verified.verified("member-123", null, "COURIER");
        Visit unmatched = pending();
        unmatched.unmatched();
        Visit anonymous = record(new Visit.Visitor(null, null, null, "COURIER", Verification.ANONYMOUS), true);

        for (Visit settled : List.of(verified, unmatched, anonymous)) {
            assertThatThrownBy(() -> settled.verified("member-9", null, "COURIER"))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(settled::unmatched).isInstanceOf(ConflictException.class);
        }
        assertThat(verified.cardNumber()).isEqualTo("XY000123");
        assertThat(verified.registeredEvents()).hasSize(2);
    }

    @Test
    void aVisitIsMarkedCounted() {
        Visit visit = pending();

        visit.markCounted();

        assertThat(visit.counted()).isTrue();
    }
}
