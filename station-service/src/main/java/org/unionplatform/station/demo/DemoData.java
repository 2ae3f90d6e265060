package org.unionplatform.station.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.station.station.Station;
import org.unionplatform.station.station.Stations;
import org.unionplatform.station.visit.DemoVisits;

/**
 * Demo stations (docs/stations.md, "Demo data") and 60 days of visit history close to the seed's figures
 * (about 50 courier visits a day at a Xianyang love station), loaded on first start when
 * {@code platform.demo-data.enabled=true} and the service holds no station yet. History visits are counted like
 * live ones but publish no events (they happened before the platform existed); the stations publish
 * {@code station.opened}.
 */
@Component
@ConditionalOnProperty(name = "platform.demo-data.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final int HISTORY_DAYS = 60;
    /** Relative weight of each hour of day: couriers and riders come around lunch and dinner. */
    private static final int[] HOUR_WEIGHTS = {0, 0, 0, 0, 0, 0, 1, 2, 4, 5, 6, 9, 12, 10, 6, 5, 6, 9, 11, 8, 5,
        3, 1, 0};
    private static final String[][] SERVICES = {{"REST", "WATER"}, {"CHARGING", "REST"}, {"HEATING_FOOD", "WATER"},
        {"REST"}, {"WATER", "CHARGING", "HEATING_FOOD"}, {"READING", "REST"}};

    private final MongoOperations mongo;
    private final Stations stations;
    private final DemoVisits visits;
    private final Clock clock;

    DemoData(MongoOperations mongo, Stations stations, DemoVisits visits, Clock clock) {
        this.mongo = mongo;
        this.stations = stations;
        this.visits = visits;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mongo.count(new org.springframework.data.mongodb.core.query.Query(), Station.class) > 0) {
            return;
        }
        List<Station> opened = new ArrayList<>();
        for (DemoStations.DemoStation demo : DemoStations.all()) {
            opened.add(stations.open(demo.id(), demo.organizationId(), demo.orgPath(), demo.details()));
        }
        // Tens of thousands of historic visits take a while on the embedded H2 store: the service is ready first and
        // the counts fill in behind it (./run.sh promises the platform within 30 s).
        Thread.ofVirtual().name("demo-visit-history").start(() -> loadHistory(opened));
    }

    private void loadHistory(List<Station> opened) {
        Random random = new Random(20240610);
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        int total = 0;
        List<DemoStations.DemoStation> demos = DemoStations.all();
        for (int index = 0; index < opened.size(); index++) {
            DemoStations.DemoStation demo = demos.get(index);
            List<DemoVisits.HistoricVisit> history = new ArrayList<>();
            for (int back = HISTORY_DAYS; back >= 1; back--) {
                LocalDate day = today.minusDays(back);
                int count = Math.max(0, (int) Math.round(demo.visitsPerDay() * (0.8 + 0.4 * random.nextDouble())));
                for (int i = 0; i < count; i++) {
                    ZonedDateTime at = day.atTime(hour(random), random.nextInt(60)).atZone(ChinaTime.ZONE);
                    String workerType = random.nextInt(10) < 8 ? demo.workerType() : "DELIVERY_RIDER";
                    history.add(new DemoVisits.HistoricVisit(UUID.randomUUID().toString(), at.toInstant(), workerType,
                            List.of(SERVICES[random.nextInt(SERVICES.length)])));
                }
            }
            try {
                visits.insertHistory(opened.get(index), history);
            } catch (RuntimeException e) {
                log.warn("Demo visit history stopped at station {}: {}", demo.id(), e.toString());
                return;
            }
            total += history.size();
        }
        log.info("Demo data: {} stations and {} visits over {} days", opened.size(), total, HISTORY_DAYS);
    }

    private static int hour(Random random) {
        int sum = 0;
        for (int weight : HOUR_WEIGHTS) {
            sum += weight;
        }
        int pick = random.nextInt(sum);
        for (int hour = 0; hour < HOUR_WEIGHTS.length; hour++) {
            pick -= HOUR_WEIGHTS[hour];
            if (pick < 0) {
                return hour;
            }
        }
        return 12;
    }
}
