package org.unionplatform.station.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.pii.QrTokenHash;
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
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final String QR_HASH = QrTokenHash.of("qr-token");

    private static Visit record(Visit.Visitor visitor, boolean publish) {
        return Visit.record("visit-0001", STATION, VISITED, NOW, "xy-attendant-1", visitor, List.of("REST"), WINDOW,
                publish);
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
    void aPendingVisitKeepsOnlyItsQrTokensHashThenRegistersCheckinVerified() {
        Visit visit = record(new Visit.Visitor(null, null, QR_HASH, "UNKNOWN", Verification.PENDING), true);
        assertThat(visit.qrTokenHash()).isEqualTo(QR_HASH).doesNotContain("qr-token");

        visit.verified("member-123", "XY000123", "COURIER");

        assertThat(visit.verification()).isEqualTo(Verification.VERIFIED);
        assertThat(visit.memberId()).isEqualTo("member-123");
        assertThat(visit.cardNumber()).isEqualTo("XY000123");
        assertThat(visit.workerType()).isEqualTo("COURIER");
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

    @Test
    void aVisitOlderThanTheWindowIsFlaggedLateCountedApartAndPublishedToNoOne() {
        Visit late = Visit.record("visit-late", STATION, NOW.minus(Duration.ofDays(9)), NOW, "xy-attendant-1",
                new Visit.Visitor(null, null, null, "COURIER", Verification.ANONYMOUS), List.of("REST"), WINDOW, true);
        Visit inTime = Visit.record("visit-in-time", STATION, NOW.minus(Duration.ofDays(6)), NOW, "xy-attendant-1",
                new Visit.Visitor(null, null, null, "COURIER", Verification.ANONYMOUS), List.of("REST"), WINDOW, true);

        assertThat(late.flag()).isEqualTo(VisitFlag.LATE);
        assertThat(late.tally().flag()).isEqualTo("LATE");
        assertThat(late.registeredEvents()).isEmpty();
        assertThat(inTime.flag()).isNull();
        assertThat(inTime.tally().flag()).isNull();
        assertThat(inTime.registeredEvents()).hasSize(1);
    }

    @Test
    void aVisitAtASuspendedStationIsFlaggedAndItsLaterVerificationPublishesNothing() {
        Station suspended = TestStations.suspended("xy-love-98", PATH, VISITED.minusSeconds(86_400));
        Visit visit = Visit.record("visit-0002", suspended, VISITED, NOW, "xy-attendant-1",
                new Visit.Visitor(null, "XY000123", null, "UNKNOWN", Verification.PENDING), List.of(), WINDOW, true);

        visit.verified("member-123", "XY000123", "COURIER");

        assertThat(visit.flag()).isEqualTo(VisitFlag.STATION_SUSPENDED);
        assertThat(visit.registeredEvents()).isEmpty();
    }

    @Test
    void theSameVisitSentAgainIsARepeatAnythingElseUnderItsIdIsNot() {
        Visit anonymous = record(new Visit.Visitor(null, null, null, "COURIER", Verification.ANONYMOUS), true);
        Visit byQr = record(new Visit.Visitor("member-1", "XY000123", QR_HASH, "COURIER", Verification.VERIFIED),
                true);
        Visit.Upload same = new Visit.Upload("xy-love-99", "xy-attendant-1", VISITED.plusNanos(300),
                null, null, "COURIER", List.of("REST"));

        assertThat(anonymous.isRepeatOf(same)).as("the same, to the millisecond stored").isTrue();
        assertThat(anonymous.isRepeatOf(new Visit.Upload("xy-love-01", "xy-attendant-1", VISITED, null, null,
                "COURIER", List.of("REST")))).as("another station").isFalse();
        assertThat(anonymous.isRepeatOf(new Visit.Upload("xy-love-99", "xy-attendant-2", VISITED, null, null,
                "COURIER", List.of("REST")))).as("another attendant").isFalse();
        assertThat(anonymous.isRepeatOf(new Visit.Upload("xy-love-99", "xy-attendant-1", VISITED.plusSeconds(1),
                null, null, "COURIER", List.of("REST")))).as("another time").isFalse();
        assertThat(anonymous.isRepeatOf(new Visit.Upload("xy-love-99", "xy-attendant-1", VISITED, null, null,
                "TRUCK_DRIVER", List.of("REST")))).as("another worker type").isFalse();
        assertThat(anonymous.isRepeatOf(new Visit.Upload("xy-love-99", "xy-attendant-1", VISITED, null, null,
                "COURIER", List.of("WATER")))).as("other services").isFalse();
        assertThat(anonymous.isRepeatOf(new Visit.Upload("xy-love-99", "xy-attendant-1", VISITED, "XY000123",
                null, null, List.of("REST")))).as("a member instead of an anonymous worker").isFalse();
        assertThat(byQr.isRepeatOf(new Visit.Upload("xy-love-99", "xy-attendant-1", VISITED, null, QR_HASH,
                "UNKNOWN", List.of("REST")))).as("the same QR code; a member's worker type is only a hint").isTrue();
        assertThat(byQr.isRepeatOf(new Visit.Upload("xy-love-99", "xy-attendant-1", VISITED, null,
                QrTokenHash.of("another-token"), null, List.of("REST")))).as("another QR code").isFalse();
    }
}
