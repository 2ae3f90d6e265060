package org.unionplatform.station;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.unionplatform.station.geo.GeoHash;
import org.unionplatform.station.geo.SpatialIndex;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpAnswer;
import org.unionplatform.testsupport.http.HttpTestClient;

/**
 * Benchmarks, not tests: run only on demand ({@code bench/stations.sh}, or
 * {@code -Dit.test=StationBenchmarks}); the Failsafe default includes do not match this name. The service runs in
 * this JVM on a random port with the embedded MongoDB and the broker of the test infrastructure; requests go over
 * real HTTP straight to the service (not through the gateway) with real RS256 tokens.
 */
@org.springframework.test.context.TestPropertySource(properties = {
        "platform.station.visits.counting-sweep=30s", "platform.station.visits.verification-sweep=30s",
        "platform.station.visits.counting-grace=30s"})
class StationBenchmarks extends StationServiceIT {

    private static final int FINDER_STATIONS = Integer.getInteger("bench.finder.stations", 200_000);
    private static final int CHECKIN_STATIONS = 200;
    private static final int WORKERS = Integer.getInteger("bench.workers", 32);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 20));
    private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.duration", 30));

    @Autowired
    MongoOperations mongo;

    @org.springframework.beans.factory.annotation.Value("${platform.station.visits.counting-sweep}")
    String countingSweep;

    @Test
    void checkinsSustained() throws Exception {
        List<String> stations = new ArrayList<>();
        for (int i = 0; i < CHECKIN_STATIONS; i++) {
            stations.add(openStation(unique("bench"), "/shaanxi/xianyang/xianyang-courier-federation/",
                    34.0 + i * 0.001, 108.5, "", "610400"));
        }
        String token = TestTokens.claims().subject("bench-attendant").roles("STATION_ATTENDANT")
                .stations(stations).expiresAt(Instant.now().plus(Duration.ofHours(1))).sign();
        HttpTestClient http = HttpTestClient.local(port);
        Runnable oneCheckin = () -> {
            String body = """
                    {"visitId":"%s","stationId":"%s","workerType":"COURIER","services":["REST","WATER"],"visitedAt":"%s"}"""
                    .formatted(UUID.randomUUID(), stations.get(ThreadLocalRandom.current().nextInt(stations.size())),
                            Instant.now().minusSeconds(1));
            expect(201, http.post("/api/checkins", token, body));
        };
        report("check-ins (POST /api/checkins, direct to the service, counting sweep every " + countingSweep + ")",
                WORKERS, oneCheckin);
    }

    @Test
    void finderOverManyStations() throws Exception {
        // Guanzhong plain, about 220 x 230 km: 200,000 stations there is ~4 per km2, denser than any real city.
        double minLat = 33.5;
        double minLon = 107.5;
        double spanLat = 2.0;
        double spanLon = 2.5;
        seedStations(FINDER_STATIONS, minLat, minLon, spanLat, spanLon);
        Random random = new Random(7);
        Runnable oneQuery = () -> {
            double lat;
            double lon;
            synchronized (random) {
                lat = minLat + random.nextDouble() * spanLat;
                lon = minLon + random.nextDouble() * spanLon;
            }
            expect(200, HttpTestClient.local(port).get(
                    "/api/stations/nearby?lat=%.5f&lon=%.5f&radius=3000&limit=20".formatted(lat, lon), null));
        };
        report("finder (GET /api/stations/nearby radius 3 km, " + FINDER_STATIONS + " stations)", 4, oneQuery);
    }

    /** Bulk-writes station documents and their index cells as the service maps them (no events). */
    private void seedStations(int count, double minLat, double minLon, double spanLat, double spanLon) {
        GeoHash geoHash = new GeoHash(SpatialIndex.PRECISION);
        Random random = new Random(11);
        Map<String, Document> cells = new HashMap<>();
        List<Document> batch = new ArrayList<>();
        Instant now = Instant.now();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            double lat = minLat + random.nextDouble() * spanLat;
            double lon = minLon + random.nextDouble() * spanLon;
            String id = "seed-" + i;
            String cell = geoHash.cellOf(lat, lon);
            batch.add(new Document("_id", id).append("name", "驿站" + i).append("type", "LOVE_STATION")
                    .append("address", "陕西").append("divisionCode", "610100").append("organizationId", "xian")
                    .append("orgPath", "/shaanxi/xian/").append("location", new Document("lat", lat).append("lon", lon))
                    .append("cell", cell).append("amenities", i % 3 == 0 ? List.of("MICROWAVE", "CHARGING")
                            : List.of("CHARGING"))
                    .append("hours", new Document("alwaysOpen", true)).append("partners", List.of())
                    .append("attendants", List.of()).append("status", "ACTIVE").append("openedAt", java.util.Date.from(now))
                    .append("version", 0L).append("outbox", List.of()));
            cells.computeIfAbsent(cell, key -> new Document("_id", key).append("stations", new Document()))
                    .get("stations", Document.class).append(id, new Document("lat", lat).append("lon", lon));
            if (batch.size() == 5_000) {
                insertAll("stations", batch);
                batch.clear();
            }
        }
        insertAll("stations", batch);
        List<Document> cellDocuments = new ArrayList<>(cells.values());
        for (int from = 0; from < cellDocuments.size(); from += 2_000) {
            insertAll(SpatialIndex.COLLECTION, cellDocuments.subList(from, Math.min(cellDocuments.size(), from + 2_000)));
        }
        System.out.printf("[bench] seeded %d stations in %d cells in %d ms%n", count, cells.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The embedded server can fail a bulk insert while the outbox sweeper scans the same collection; the retry
     * inserts what is missing (unordered, duplicates of the first attempt ignored).
     */
    private void insertAll(String collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                mongo.getCollection(collection).insertMany(documents,
                        new com.mongodb.client.model.InsertManyOptions().ordered(false));
                return;
            } catch (com.mongodb.MongoBulkWriteException duplicatesOfAnEarlierAttempt) {
                return;
            } catch (com.mongodb.MongoException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static void expect(int status, HttpAnswer response) {
        if (response.status() != status) {
            throw new IllegalStateException("answered " + response);
        }
    }

    /** Closed loop: workers repeat the action; warm-up first, then the timed run; prints rate and percentiles. */
    private void report(String label, int workers, Runnable action) throws InterruptedException {
        phase(workers, WARM_UP, action, null);
        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        phase(workers, RUN, () -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                errors.incrementAndGet();
                throw e;
            }
        }, samples);
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = samples.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        System.out.printf("[bench] %s: %d workers, %.0f s, %d requests, %.0f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms, errors %d%n", label, workers, seconds, all.length, all.length / seconds,
                percentile(all, 50), percentile(all, 95), percentile(all, 99), all[all.length - 1] / 1e6, errors.get());
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    private static void phase(int workers, Duration length, Runnable action, ConcurrentLinkedQueue<long[]> samples)
            throws InterruptedException {
        long end = System.nanoTime() + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofVirtual().start(() -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        continue;
                    }
                    if (n < latencies.length) {
                        latencies[n++] = System.nanoTime() - t0;
                    }
                }
                if (samples != null) {
                    samples.add(Arrays.copyOf(latencies, n));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
