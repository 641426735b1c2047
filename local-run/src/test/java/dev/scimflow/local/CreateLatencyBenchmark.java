package dev.scimflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Round-trip latency of a SCIM user create through the whole pipeline (HTTP, Kafka, provisioner, MongoDB,
 * outcome back over Kafka), printed as percentiles. Not part of the normal test run: {@code ./mvnw -Pbenchmark
 * verify -pl local-run -am}. It prints figures and asserts only that every create succeeded.
 */
@Tag("benchmark")
@ExtendWith(SharedPipeline.class)
class CreateLatencyBenchmark {

    private static final int WARM_UP = 100;
    private static final int SEQUENTIAL = 500;
    private static final int THREADS = 8;
    private static final int PER_THREAD = 100;

    @Test
    void printsCreateRoundTripPercentiles() throws Exception {
        SharedPipeline shared = SharedPipeline.current();
        // an instance of its own, without the per-workspace rate limit a benchmark would run into
        int port = shared.pipeline.addIngest(0, Map.of("ingest.rate-limit", "1000000"));
        Scim scim = Scim.bearer(port, shared.token);
        String run = UUID.randomUUID().toString().substring(0, 8);

        creates(scim, "warm" + run, WARM_UP);
        List<Long> sequential = creates(scim, "seq" + run, SEQUENTIAL);
        report("sequential, 1 client", sequential, sum(sequential));

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<List<Long>>> clients = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String prefix = "par" + t + run;
            clients.add(pool.submit(() -> creates(scim, prefix, PER_THREAD)));
        }
        List<Long> parallel = new ArrayList<>();
        for (Future<List<Long>> client : clients) {
            parallel.addAll(client.get());
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();
        report(THREADS + " concurrent clients", parallel, wall);
    }

    private static List<Long> creates(Scim scim, String prefix, int count) {
        List<Long> nanos = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            Scim.Response response = scim.post("/Users", OktaRequests.createUser(prefix + i + "@example.com"));
            nanos.add(System.nanoTime() - start);
            assertThat(response.status()).isEqualTo(201);
        }
        return nanos;
    }

    private static void report(String label, List<Long> nanos, long wallNanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("create round trip, %s: n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms,"
                + " %.0f creates/s%n", label, sorted.size(), millis(sorted, 0.50), millis(sorted, 0.90),
                millis(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6, sorted.size() / (wallNanos / 1e9));
    }

    private static double millis(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static long sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }
}
