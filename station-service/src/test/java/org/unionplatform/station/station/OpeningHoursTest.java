package org.unionplatform.station.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unionplatform.common.time.ChinaTime;

class OpeningHoursTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    private static ZonedDateTime at(LocalDate date, int hour, int minute) {
        return LocalDateTime.of(date, java.time.LocalTime.of(hour, minute)).atZone(ChinaTime.ZONE);
    }

    private static OpeningHours.TimeRange range(String opens, String closes) {
        return new OpeningHours.TimeRange(opens, closes);
    }

    @Test
    void aWeeklyRangeIsOpenFromItsOpeningUpToButNotIncludingItsClosing() {
        OpeningHours hours = new OpeningHours(false, Map.of(DayOfWeek.MONDAY, List.of(range("08:00", "20:00"))),
                List.of());
        assertThat(hours.isOpenAt(at(MONDAY, 7, 59))).isFalse();
        assertThat(hours.isOpenAt(at(MONDAY, 8, 0))).isTrue();
        assertThat(hours.isOpenAt(at(MONDAY, 20, 0))).isFalse();
        assertThat(hours.isOpenAt(at(MONDAY.plusDays(1), 12, 0))).isFalse();
    }

    @Test
    void aRangePastMidnightCoversTheNextEarlyMorning() {
        OpeningHours hours = new OpeningHours(false, Map.of(DayOfWeek.MONDAY, List.of(range("22:00", "06:00"))),
                List.of());
        assertThat(hours.isOpenAt(at(MONDAY, 23, 0))).isTrue();
        assertThat(hours.isOpenAt(at(MONDAY.plusDays(1), 5, 59))).isTrue();
        assertThat(hours.isOpenAt(at(MONDAY.plusDays(1), 6, 0))).isFalse();
        assertThat(hours.isOpenAt(at(MONDAY, 5, 0))).isFalse();
    }

    @Test
    void exceptionsOverrideTheWeekAndAroundTheClock() {
        OpeningHours closedForRepairs = new OpeningHours(true, Map.of(), List.of(
                new OpeningHours.HoursException(MONDAY, true, false, List.of(), "检修")));
        assertThat(closedForRepairs.isOpenAt(at(MONDAY, 12, 0))).isFalse();
        assertThat(closedForRepairs.isOpenAt(at(MONDAY.plusDays(1), 3, 0))).isTrue();

        OpeningHours holidayHours = new OpeningHours(false, Map.of(DayOfWeek.MONDAY, List.of(range("08:00", "20:00"))),
                List.of(new OpeningHours.HoursException(MONDAY, false, false, List.of(range("10:00", "12:00")), "节假日")));
        assertThat(holidayHours.isOpenAt(at(MONDAY, 9, 0))).isFalse();
        assertThat(holidayHours.isOpenAt(at(MONDAY, 11, 0))).isTrue();
    }
}
