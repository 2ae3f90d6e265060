package org.unionplatform.membership.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.unionplatform.membership.MembershipIT;
import org.unionplatform.testsupport.security.TestTokens;
import org.unionplatform.testsupport.http.HttpTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Not part of {@code verify} (its name does not end in IT): bench/membership-bulk.sh runs it. Checks a
 * 100,000-row file with 1% bad rows in a dry run, enrols it, then uploads the same file again, and prints time and
 * peak heap of each.
 */
class BulkEnrolmentBenchmark extends MembershipIT {

    @Test
    void enrolAHundredThousandRowsTwice() throws Exception {
        int rows = Integer.getInteger("bench.rows", 100_000);
        Path file = Path.of("target", "bench", "roster-" + rows + ".csv");
        int bad = BulkFileGenerator.write(file, rows, 1);
        System.out.printf("[bench] file %s: %d rows, %d bad, %.1f MB%n", file, rows, bad, Files.size(file) / 1e6);

        Result dryRun = enrol(file, "&dryRun=true");
        Result first = enrol(file, "");
        Result second = enrol(file, "");

        System.out.printf("[bench] dry run: %s after %.1f s, would enrol %d, rejected %d, peak heap used %d MB%s%n",
                dryRun.progress().get("status").asString(), dryRun.seconds(),
                dryRun.progress().get("wouldEnrol").asLong(), dryRun.progress().get("rejected").asLong(),
                dryRun.peakHeapMb(), failure(dryRun));
        System.out.printf("[bench] first upload: %s after %.1f s, enrolled %d, rejected %d, peak heap used %d MB%s%n",
                first.progress().get("status").asString(), first.seconds(), first.progress().get("enrolled").asLong(),
                first.progress().get("rejected").asLong(), first.peakHeapMb(), failure(first));
        System.out.printf("[bench] second upload: %s after %.1f s, enrolled %d, already members %d, "
                + "peak heap used %d MB%s%n",
                second.progress().get("status").asString(), second.seconds(),
                second.progress().get("enrolled").asLong(), second.progress().get("alreadyMembers").asLong(),
                second.peakHeapMb(), failure(second));
        System.out.printf("[bench] max heap %d MB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        assertThat(dryRun.progress().get("wouldEnrol").asLong()).isEqualTo(rows - bad);
        assertThat(first.progress().get("enrolled").asLong()).isEqualTo(rows - bad);
        assertThat(first.progress().get("rejected").asLong()).isEqualTo(bad);
        assertThat(reportLines(first.progress().get("id").asString()).stream()
                .filter(line -> line.contains("REJECTED")).count()).isEqualTo(bad);
        assertThat(second.progress().get("enrolled").asLong()).isZero();
        assertThat(second.progress().get("alreadyMembers").asLong()).isEqualTo(rows - bad);
        long started = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                .until(() -> events("membership.approved").size() >= rows - bad);
        System.out.printf("[bench] all %d membership.approved events on the bus %.1f s after the second upload%n",
                rows - bad, (System.nanoTime() - started) / 1e9);
    }

    private static String failure(Result result) {
        JsonNode failure = result.progress().get("failure");
        return failure == null || failure.isNull() ? "" : " (" + failure.asString() + ")";
    }

    private record Result(JsonNode progress, double seconds, long peakHeapMb) {
    }

    private Result enrol(Path file, String query) throws Exception {
        System.gc();
        // The pools' own peaks are reached at different moments, so their sum overstates the heap: sample the
        // whole heap's use instead (every 20 ms, garbage included: an upper bound of what the upload needs).
        var memory = ManagementFactory.getMemoryMXBean();
        var peakBytes = new AtomicLong();
        var sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakBytes.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        });
        String organizer = TestTokens.organizer(SHOUQI_PATH);
        long started = System.nanoTime();
        var response = HttpTestClient.local(port)
                .request("POST", "/api/members/bulk-enrolments?organizationId=shouqi-union" + query).token(organizer)
                .multipart("file", "roster.csv", "text/csv", file).send();
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        System.out.printf("[bench] upload answered %d in %.2f s%n", response.status(),
                (System.nanoTime() - started) / 1e9);
        String id = json(response).get("id").asString();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() ->
                List.of("DONE", "FAILED").contains(
                json(httpGet("/api/members/bulk-enrolments/" + id, organizer)).get("status").asString()));
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        sampler.join();
        long peak = peakBytes.get() / (1024 * 1024);
        return new Result(json(httpGet("/api/members/bulk-enrolments/" + id, organizer)), seconds, peak);
    }

    private List<String> reportLines(String id) {
        var response = httpGet("/api/members/bulk-enrolments/" + id + "/report", TestTokens.organizer(SHOUQI_PATH));
        return new ArrayList<>(List.of(response.body().split("\r\n")));
    }
}
