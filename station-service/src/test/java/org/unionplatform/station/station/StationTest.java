package org.unionplatform.station.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.station.events.StationOpened;

class StationTest {

    private static final String PATH = "/shaanxi/xianyang/xianyang-courier-federation/";
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    private static Station station() {
        return TestStations.open("xy-love-99", PATH, NOW);
    }

    private static void refusedBy(Runnable action, String rule) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(BusinessRuleViolationException.class,
                refused -> assertThat(refused.properties()).containsEntry("rule", rule));
    }

    @Test
    void anOpenedStationIsActiveAndRegistersStationOpened() {
        Station station = station();

        assertThat(station.status()).isEqualTo(StationStatus.ACTIVE);
        assertThat(station.isActive()).isTrue();
        assertThat(station.openedAt()).isEqualTo(NOW);
        assertThat(station.registeredEvents()).containsExactly(
                new StationOpened("xy-love-99", "测试驿站", "LOVE_STATION", PATH, "610404"));
    }

    @Test
    void aStationIsOpenedOnlyUnderThePathOfItsOperator() {
        refusedBy(() -> Station.open("xy-love-98", "yulin-truck-federation", PATH, TestStations.details("错"), "wqj7k",
                NOW), "org-path-mismatch");
    }

    @Test
    void anActiveStationIsSuspendedAndReopened() {
        Station station = station();

        station.suspend("装修", NOW.plusSeconds(60));
        assertThat(station.status()).isEqualTo(StationStatus.SUSPENDED);
        assertThat(station.isActive()).isFalse();
        assertThat(station.statusReason()).isEqualTo("装修");
        assertThat(station.updatedAt()).isEqualTo(NOW.plusSeconds(60));

        station.reopen("装修完成", NOW.plusSeconds(120));
        assertThat(station.status()).isEqualTo(StationStatus.ACTIVE);
        assertThat(station.statusReason()).isEqualTo("装修完成");
    }

    @Test
    void askingForTheStatusAStationHasOnlyRecordsTheReason() {
        Station station = station();

        station.changeStatus(StationStatus.ACTIVE, "核实", NOW);
        station.changeStatus(StationStatus.SUSPENDED, "停电", NOW);
        station.changeStatus(StationStatus.SUSPENDED, "仍停电", NOW);

        assertThat(station.status()).isEqualTo(StationStatus.SUSPENDED);
        assertThat(station.statusReason()).isEqualTo("仍停电");
    }

    @Test
    void aClosedStationIsNeverReopenedNorSuspended() {
        Station active = station();
        active.close("撤销", NOW);
        Station suspended = station();
        suspended.suspend("装修", NOW);
        suspended.changeStatus(StationStatus.CLOSED, "撤销", NOW);

        for (Station closed : List.of(active, suspended)) {
            assertThat(closed.status()).isEqualTo(StationStatus.CLOSED);
            refusedBy(() -> closed.reopen("再开", NOW), "station-closed");
            refusedBy(() -> closed.suspend("暂停", NOW), "station-closed");
            refusedBy(() -> closed.changeStatus(StationStatus.ACTIVE, "再开", NOW), "station-closed");
            closed.close("已撤销", NOW);
            assertThat(closed.status()).isEqualTo(StationStatus.CLOSED);
            assertThat(closed.statusReason()).isEqualTo("已撤销");
        }
    }

    @Test
    void newDetailsReplaceTheOldOnes() {
        Station station = station();
        StationDetails moved = new StationDetails("新名", "RIDER_HOME", "新址", "610403",
                new org.unionplatform.station.geo.GeoPoint(34.2, 108.9), java.util.Set.of("WIFI"), null, null, null);

        station.describe(moved, "wqj6z", NOW.plusSeconds(5));

        assertThat(station.name()).isEqualTo("新名");
        assertThat(station.type()).isEqualTo("RIDER_HOME");
        assertThat(station.cell()).isEqualTo("wqj6z");
        assertThat(station.amenities()).containsExactly("WIFI");
        assertThat(station.attendants()).isEmpty();
        assertThat(station.updatedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void anInspectionIsKeptUnlessItLiesInTheFuture() {
        Station station = station();
        Inspection passed = new Inspection(NOW.plusSeconds(60), "organizer", List.of(), Inspection.Result.PASSED, null);
        Inspection tooLate = new Inspection(NOW.plusSeconds(180), "organizer", List.of(), Inspection.Result.PASSED,
                null);

        station.recordInspection(passed, NOW, Duration.ofMinutes(2));
        refusedBy(() -> station.recordInspection(tooLate, NOW, Duration.ofMinutes(2)), "inspection-in-future");

        assertThat(station.lastInspection()).isEqualTo(passed);
        assertThat(station.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    }
}
