package org.unionplatform.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.station.counting.MonthFolds;
import org.unionplatform.station.counting.VisitDay;
import org.unionplatform.station.counting.VisitDayRepository;
import org.unionplatform.station.counting.VisitMonth;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * A year of station-days in one organisation read back as a roll-up: exact against the day-level counts, and
 * the documents MongoDB returns stay bounded by months plus the recent window, not by station-days.
 */
class VisitRollUpIT extends StationServiceIT {

    private static final int STATIONS = 50;
    private static final int DAYS = 365;

    @Autowired
    MongoOperations mongo;

    @Autowired
    MonthFolds folds;

    @Autowired
    VisitDayRepository counters;

    private static long visits(int station, int day) {
        return (station * 7L + day) % 13 + 1;
    }

    @Test
    void aYearAtManyStationsRollsUpExactlyFromMonthsAndRecentDaysReadingBoundedData() throws Exception {
        String organization = unique("province");
        String path = "/shaanxi/" + organization + "/";
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        LocalDate first = today.minusDays(DAYS - 1L);
        Map<String, Long> expectedPerDay = new TreeMap<>();
        long expectedTotal = 0;
        // Day documents as the counting left them before folds existed (no rev): the folds must take them up.
        List<Document> days = new ArrayList<>();
        for (int s = 0; s < STATIONS; s++) {
            String stationId = organization + "-s" + s;
            for (int d = 0; d < DAYS; d++) {
                String day = first.plusDays(d).toString();
                long n = visits(s, d);
                expectedPerDay.merge(day, n, Long::sum);
                expectedTotal += n;
                days.add(new Document("_id", VisitDay.key(stationId, day)).append("stationId", stationId)
                        .append("day", day).append("orgPath", path).append("divisionCode", "610402")
                        .append("count", n).append("byWorkerType", new Document("COURIER", n))
                        .append("byService", new Document("REST", n)).append("byHour", new Document("12", n))
                        .append("visitIds", List.of()));
            }
        }
        for (int from = 0; from < days.size(); from += 1_000) {
            mongo.getCollection(VisitDay.COLLECTION)
                    .insertMany(days.subList(from, Math.min(days.size(), from + 1_000)));
        }
        String range = "/api/checkins/counts?organizationId=" + organization + "&from=" + first + "&to=" + today;

        ReadDocuments.INSTANCE.reset();
        JsonNode unfolded = rollUp(range);
        long readUnfolded = read();
        assertExact(unfolded, expectedTotal, expectedPerDay);

        while (folds.foldRound() > 0) {
            // until every closed day is folded
        }
        assertThat(mongo.getCollection(VisitMonth.COLLECTION).countDocuments(new Document("orgPath", path)))
                .isBetween(STATIONS * 12L, STATIONS * 13L);
        ReadDocuments.INSTANCE.reset();
        JsonNode folded = rollUp(range);
        long readFolded = read();
        assertExact(folded, expectedTotal, expectedPerDay);
        // 12-13 months before the recent window plus at most 62 recent days per station, against 365 days
        assertThat(readUnfolded).isGreaterThanOrEqualTo((long) STATIONS * DAYS);
        assertThat(readFolded).isLessThanOrEqualTo(STATIONS * (13L + 62L)).isLessThan(readUnfolded / 4);

        // A late visit counted into a folded day: its station-month is read day by day until folded again.
        String oldDay = today.minusDays(200).toString();
        counters.count(new VisitDayRepository.Tally("late-visit-" + organization, organization + "-s3", oldDay, 9,
                path, "610402", "COURIER", List.of("REST"), null, false));
        expectedPerDay.merge(oldDay, 1L, Long::sum);
        assertExact(rollUp(range), expectedTotal + 1, expectedPerDay);
        while (folds.foldRound() > 0) {
            // the changed day again
        }
        ReadDocuments.INSTANCE.reset();
        assertExact(rollUp(range), expectedTotal + 1, expectedPerDay);
        assertThat(read()).isLessThanOrEqualTo(STATIONS * (13L + 62L));
        System.out.printf("Year roll-up over %d stations (%d station-days): %d documents read unfolded, %d folded%n",
                STATIONS, STATIONS * DAYS, readUnfolded, readFolded);
    }

    private JsonNode rollUp(String range) throws Exception {
        HttpAnswer reply = send("GET", range, TestTokens.admin(), null);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    private static long read() {
        return ReadDocuments.INSTANCE.from(VisitDay.COLLECTION) + ReadDocuments.INSTANCE.from(VisitMonth.COLLECTION);
    }

    private static void assertExact(JsonNode figures, long total, Map<String, Long> perDay) {
        assertThat(figures.get("stations").asLong()).isEqualTo(STATIONS);
        assertThat(figures.get("total").asLong()).isEqualTo(total);
        assertThat(figures.get("byWorkerType").get("COURIER").asLong()).isEqualTo(total);
        assertThat(figures.get("byService").get("REST").asLong()).isEqualTo(total);
        assertThat(figures.get("flagged").asLong()).isZero();
        Map<String, Long> series = new TreeMap<>();
        figures.get("days").forEach(day -> series.put(day.get("day").asString(), day.get("visits").asLong()));
        assertThat(series).isEqualTo(perDay);
    }
}
