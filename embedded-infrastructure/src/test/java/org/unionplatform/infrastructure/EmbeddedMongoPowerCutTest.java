package org.unionplatform.infrastructure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A power cut under write load: a process holding the embedded MongoDB on a file is killed (SIGKILL) while
 * eight clients insert visits and add grants to a budget; the store is opened again and every write that had been
 * acknowledged must be there. Several rounds on the same file, so each round also opens a store that was killed.
 * <p>
 * A kill of the process keeps what it had written to the operating system; a real power cut also loses what was
 * not forced to disk, which is what the group commit's fsync is for (not something a test can cut here).
 */
class EmbeddedMongoPowerCutTest {

    private static final int ROUNDS = 3;
    private static final int CLIENTS = 8;
    /** The kill comes once this many writes of the round were acknowledged (no timing involved). */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 600;

    @Test
    void everyAcknowledgedWriteSurvivesAKillOfTheProcess(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mongo/union-platform.mv");
        Set<String> acknowledgedVisits = ConcurrentHashMap.newKeySet();
        AtomicLong acknowledgedGrantFen = new AtomicLong();
        AtomicLong attemptedGrantFen = new AtomicLong();

        for (int round = 1; round <= ROUNDS; round++) {
            Process store = start(file);
            try (MongoClient client = client(port(store))) {
                assertAllPresent(client, acknowledgedVisits, acknowledgedGrantFen.get(), attemptedGrantFen.get());
                load(client, round, acknowledgedVisits, acknowledgedGrantFen, attemptedGrantFen, store);
            }
            assertThat(store.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        Process store = start(file);
        try (MongoClient client = client(port(store))) {
            assertAllPresent(client, acknowledgedVisits, acknowledgedGrantFen.get(), attemptedGrantFen.get());
        } finally {
            store.getOutputStream().close(); // a clean stop
            assertThat(store.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledgedVisits).hasSizeGreaterThanOrEqualTo(ROUNDS * ACKNOWLEDGED_BEFORE_KILL / 2);
    }

    /** Clients write until enough writes were acknowledged, then the store's process is killed under them. */
    private static void load(MongoClient client, int round, Set<String> acknowledgedVisits,
            AtomicLong acknowledgedGrantFen, AtomicLong attemptedGrantFen, Process store) throws InterruptedException {
        CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int clientNo = c;
            clients.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; ; i++) {
                    try {
                        if (i % 2 == 0) {
                            String id = "r" + round + "-c" + clientNo + "-" + i;
                            visits(client).insertOne(new Document("_id", id).append("station", "xy-" + clientNo));
                            acknowledgedVisits.add(id);
                        } else {
                            attemptedGrantFen.addAndGet(100);
                            budgets(client).findOneAndUpdate(new Document("_id", "budget"),
                                    Updates.inc("grantedFen", 100L), new FindOneAndUpdateOptions().upsert(true));
                            acknowledgedGrantFen.addAndGet(100);
                        }
                        enough.countDown();
                    } catch (RuntimeException e) {
                        return; // the store is gone: this write was not acknowledged
                    }
                }
            }));
        }
        enough.await();
        store.destroyForcibly(); // SIGKILL: no shutdown hook, no last commit
        for (Thread thread : clients) {
            thread.join();
        }
    }

    private static void assertAllPresent(MongoClient client, Set<String> acknowledgedVisits, long acknowledgedFen,
            long attemptedFen) {
        Set<String> present = new HashSet<>();
        visits(client).find().projection(new Document("_id", 1)).forEach(doc -> present.add(doc.getString("_id")));
        assertThat(present).containsAll(acknowledgedVisits);
        Document budget = budgets(client).find(new Document("_id", "budget")).first();
        long granted = budget == null ? 0 : budget.getLong("grantedFen");
        // Every acknowledged grant is counted; one in flight per client at the kill may be too.
        assertThat(granted).isBetween(acknowledgedFen, attemptedFen);
    }

    private static Process start(Path file) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                StoreProcess.class.getName(), file.toString())
                .redirectErrorStream(true)
                .start();
    }

    private static int port(Process store) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith("port=")) {
                Thread.ofVirtual().start(() -> drain(output));
                return Integer.parseInt(line.substring("port=".length()));
            }
            if (line.startsWith("damaged=")) {
                throw new AssertionError("the store did not open after a kill: " + line);
            }
        }
        throw new AssertionError("the store process ended without listening");
    }

    private static void drain(BufferedReader output) {
        try {
            while (output.readLine() != null) {
                // keeps the child's output pipe from filling up
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .retryWrites(false)
                .applyToSocketSettings(socket -> socket.readTimeout(10, TimeUnit.SECONDS))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
    }

    private static MongoCollection<Document> visits(MongoClient client) {
        return client.getDatabase("union_station").getCollection("visits");
    }

    private static MongoCollection<Document> budgets(MongoClient client) {
        return client.getDatabase("union_benefits").getCollection("budgets");
    }
}
