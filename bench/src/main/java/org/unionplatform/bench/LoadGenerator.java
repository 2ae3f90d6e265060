package org.unionplatform.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop HTTP load generator: N workers each send the next request as soon as the previous
 * answered, for a fixed time after a warm-up (the first 30 s after start are JIT-slow:
 * docs/infrastructure.md).
 * Only loopback targets are accepted. Prints throughput, latency percentiles and status counts.
 *
 * <pre>java -jar bench/target/bench.jar --url http://127.0.0.1:8080/... [--method POST --body '{...}']
 *     [--header 'Authorization: Bearer ...'] [--concurrency 32] [--warmup 10] [--duration 20] [--label name]
 *     [--pick a,b,c] [--workers-file file]</pre>
 * A body may hold placeholders filled anew for every request, for writes that must differ per request:
 * {@code {{uuid}}} (a random UUID), {@code {{now}}} (the current instant, ISO-8601) and {@code {{pick}}} (one of
 * the {@code --pick} values at random).
 * <p>
 * {@code --workers-file}: one line per client, {@code <bearer token> <value,value,...>}; worker i sends as the
 * client of line i (modulo their number): its token as {@code Authorization: Bearer}, its values for
 * {@code {{pick}}}. Many clients, because a gateway limits the rate per client (token subject), as it should.
 * <p>
 * Over 200 lines on purpose: the load loop, its pacing and its report are one small program.
 */
public final class LoadGenerator {

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Result result = run(options);
        System.out.println(result.format(options.label()));
    }

    static Result run(Options options) throws InterruptedException, java.io.IOException {
        requireLoopback(options.url());
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1).build();
        List<Options> workers = options.perWorker();
        phase(client, workers, options.concurrency(), options.warmup(), null);
        Recorder recorder = new Recorder();
        long started = System.nanoTime();
        phase(client, workers, options.concurrency(), options.duration(), recorder);
        return recorder.result(System.nanoTime() - started);
    }

    private static void phase(HttpClient client, List<Options> workerOptions, int concurrency, Duration length,
            Recorder recorder) throws InterruptedException {
        long deadline = System.nanoTime() + length.toNanos();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                Options options = workerOptions.get(i % workerOptions.size());
                workers.submit(() -> {
                    List<Long> latencies = new ArrayList<>(1 << 16);
                    while (System.nanoTime() < deadline) {
                        HttpRequest request = options.request();
                        long start = System.nanoTime();
                        int status;
                        try {
                            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        if (recorder != null) {
                            latencies.add(System.nanoTime() - start);
                            recorder.status(status);
                        }
                    }
                    if (recorder != null) {
                        recorder.latencies(latencies);
                    }
                    return null;
                });
            }
        }
    }

    private static void requireLoopback(URI url) {
        String host = url.getHost();
        if (!"localhost".equals(host) && !host.startsWith("127.") && !"[::1]".equals(host)) {
            throw new IllegalArgumentException("Load is only ever sent to this machine (localhost/127.0.0.1), not " + host);
        }
    }

    record Options(URI url, String method, String body, Map<String, String> headers, int concurrency,
            Duration warmup, Duration duration, String label, List<String> picks, Path workersFile) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                String key = args[i].replaceFirst("^--", "");
                if (key.equals("header")) {
                    String[] parts = args[i + 1].split(":\\s*", 2);
                    headers.put(parts[0], parts.length > 1 ? parts[1] : "");
                } else {
                    values.put(key, args[i + 1]);
                }
            }
            if (!values.containsKey("url")) {
                throw new IllegalArgumentException("--url is required");
            }
            int concurrency = Integer.parseInt(values.getOrDefault("concurrency", "32"));
            if (concurrency < 1 || concurrency > 512) {
                throw new IllegalArgumentException("--concurrency must be 1..512");
            }
            long duration = Long.parseLong(values.getOrDefault("duration", "20"));
            if (duration < 1 || duration > 600) {
                throw new IllegalArgumentException("--duration must be 1..600 seconds");
            }
            return new Options(URI.create(values.get("url")), values.getOrDefault("method", "GET"),
                    values.get("body"), headers, concurrency,
                    Duration.ofSeconds(Long.parseLong(values.getOrDefault("warmup", "10"))),
                    Duration.ofSeconds(duration), values.getOrDefault("label", values.get("url")),
                    values.containsKey("pick") ? List.of(values.get("pick").split(",")) : List.of(),
                    values.containsKey("workers-file") ? Path.of(values.get("workers-file")) : null);
        }

        /** The options of each client of the workers file, or these options for every worker. */
        List<Options> perWorker() throws java.io.IOException {
            if (workersFile == null) {
                return List.of(this);
            }
            List<Options> clients = new ArrayList<>();
            for (String line : Files.readAllLines(workersFile)) {
                String[] parts = line.trim().split("\\s+", 2);
                if (parts[0].isEmpty()) {
                    continue;
                }
                Map<String, String> clientHeaders = new LinkedHashMap<>(headers);
                clientHeaders.put("Authorization", "Bearer " + parts[0]);
                clients.add(new Options(url, method, body, clientHeaders, concurrency, warmup, duration, label,
                        parts.length > 1 ? List.of(parts[1].split(",")) : picks, null));
            }
            if (clients.isEmpty()) {
                throw new IllegalArgumentException(workersFile + " lists no client");
            }
            return clients;
        }

        HttpRequest request() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10));
            headers.forEach(builder::header);
            if (body != null) {
                builder.header("Content-Type", "application/json");
                builder.method(method, HttpRequest.BodyPublishers.ofString(filled(body)));
            } else {
                builder.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return builder.build();
        }

        /** Fills the body's placeholders for one request. */
        private String filled(String template) {
            if (!template.contains("{{")) {
                return template;
            }
            String filled = template.replace("{{uuid}}", UUID.randomUUID().toString())
                    .replace("{{now}}", Instant.now().toString());
            return picks.isEmpty() ? filled
                    : filled.replace("{{pick}}", picks.get(ThreadLocalRandom.current().nextInt(picks.size())));
        }
    }

    static final class Recorder {
        private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        private final List<long[]> latencyChunks = new ArrayList<>();

        void status(int status) {
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        }

        synchronized void latencies(List<Long> latencies) {
            latencyChunks.add(latencies.stream().mapToLong(Long::longValue).toArray());
        }

        synchronized Result result(long elapsedNanos) {
            long[] all = latencyChunks.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            Map<Integer, Long> counts = new LinkedHashMap<>();
            statuses.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> counts.put(e.getKey(), e.getValue().sum()));
            return new Result(all, elapsedNanos, counts);
        }
    }

    record Result(long[] sortedLatencies, long elapsedNanos, Map<Integer, Long> statuses) {

        double throughput() {
            return sortedLatencies.length / (elapsedNanos / 1e9);
        }

        double percentileMillis(double p) {
            if (sortedLatencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedLatencies.length - 1, Math.ceil(p / 100.0 * sortedLatencies.length) - 1);
            return sortedLatencies[Math.max(0, index)] / 1e6;
        }

        String format(String label) {
            return String.format("%-40s %8d requests  %9.1f req/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  statuses %s",
                    label, sortedLatencies.length, throughput(), percentileMillis(50), percentileMillis(95),
                    percentileMillis(99), statuses);
        }
    }
}
