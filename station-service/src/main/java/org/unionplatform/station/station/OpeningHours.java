package org.unionplatform.station.station;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * When a station is open, in Asia/Shanghai local time: a weekly timetable, dated exceptions (holidays,
 * repairs, extra hours) and stations open around the clock. A range whose closing time is not after its
 * opening time runs past midnight (22:00-06:00), and 00:00 as closing time means midnight.
 *
 * @param alwaysOpen  open 24 hours every day, unless an exception closes it
 * @param weekly      opening ranges per day of the week; a missing day is closed
 * @param exceptions  dates that differ from the weekly timetable
 */
public record OpeningHours(boolean alwaysOpen, Map<DayOfWeek, List<@Valid TimeRange>> weekly,
        @Size(max = 366) List<@Valid HoursException> exceptions) {

    public OpeningHours {
        weekly = weekly == null ? Map.of() : Map.copyOf(weekly);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }

    public static OpeningHours aroundTheClock() {
        return new OpeningHours(true, Map.of(), List.of());
    }

    /** Opening and closing time, "HH:mm". */
    public record TimeRange(@NotNull @Pattern(regexp = HH_MM, message = "must be HH:mm") String opens,
            @NotNull @Pattern(regexp = HH_MM, message = "must be HH:mm") String closes) {

        boolean runsPastMidnight() {
            return !LocalTime.parse(closes).isAfter(LocalTime.parse(opens));
        }

        boolean covers(LocalTime time) {
            LocalTime from = LocalTime.parse(opens);
            LocalTime to = LocalTime.parse(closes);
            return runsPastMidnight() ? !time.isBefore(from) : !time.isBefore(from) && time.isBefore(to);
        }

        /** For a range that started the day before: whether {@code time} is before it ends. */
        boolean coversEarlyMorning(LocalTime time) {
            return runsPastMidnight() && time.isBefore(LocalTime.parse(closes));
        }
    }

    /** A date with its own hours: closed, or open in the given ranges (or around the clock). */
    public record HoursException(@NotNull LocalDate date, boolean closed, boolean aroundTheClock,
            List<@Valid TimeRange> ranges, @Size(max = 200) String note) {

        public HoursException {
            ranges = ranges == null ? List.of() : List.copyOf(ranges);
        }
    }

    private static final String HH_MM = "([01]\\d|2[0-3]):[0-5]\\d";

    /** Whether the station is open at that moment (give it in Asia/Shanghai). */
    public boolean isOpenAt(ZonedDateTime moment) {
        LocalDate date = moment.toLocalDate();
        LocalTime time = moment.toLocalTime();
        HoursException today = exceptionOn(date);
        if (today == null ? alwaysOpen : today.aroundTheClock() && !today.closed()) {
            return true;
        }
        for (TimeRange range : rangesOn(date, today)) {
            if (range.covers(time)) {
                return true;
            }
        }
        // A range of yesterday running past midnight (22:00-06:00) still covers the early morning.
        LocalDate yesterday = date.minusDays(1);
        for (TimeRange range : rangesOn(yesterday, exceptionOn(yesterday))) {
            if (range.coversEarlyMorning(time)) {
                return true;
            }
        }
        return false;
    }

    /** The timed ranges of a date; none when it is closed all day or open around the clock. */
    public List<TimeRange> rangesOn(LocalDate date) {
        return rangesOn(date, exceptionOn(date));
    }

    /** Whether the station is open all 24 hours of that date. */
    public boolean aroundTheClockOn(LocalDate date) {
        HoursException exception = exceptionOn(date);
        return exception == null ? alwaysOpen : exception.aroundTheClock() && !exception.closed();
    }

    /** The timed ranges of a day; around-the-clock days have none (they end at midnight). */
    private List<TimeRange> rangesOn(LocalDate date, HoursException exception) {
        if (exception != null) {
            return exception.closed() || exception.aroundTheClock() ? List.of() : exception.ranges();
        }
        return alwaysOpen ? List.of() : weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    private HoursException exceptionOn(LocalDate date) {
        for (HoursException exception : exceptions) {
            if (exception.date().equals(date)) {
                return exception;
            }
        }
        return null;
    }
}
