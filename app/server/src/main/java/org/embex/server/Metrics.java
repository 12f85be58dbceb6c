package org.embex.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the server counts, written in Prometheus's text format for {@code GET /metrics}: requests
 * and errors by route and status, a latency histogram by route, the sizes of the batches the
 * model ran, and the query cache's hits and misses.
 */
final class Metrics {

    /** Upper bounds in seconds: a gate answers in milliseconds, a batch of long texts in seconds. */
    private static final double[] LATENCY = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5};
    private static final double[] BATCH = {1, 2, 4, 8, 16, 32, 64, 128, 256};

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final Histogram batches = new Histogram(BATCH);
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder cacheMisses = new LongAdder();
    private final LongAdder reloads = new LongAdder();
    private final LongAdder failedReloads = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();

    /** A request begins; {@link #request} ends it. */
    void begin() {
        inFlight.incrementAndGet();
    }

    /** Requests begun and not yet answered. */
    int inFlight() {
        return inFlight.get();
    }

    /** One request answered: its route, status and how long it took. */
    void request(String route, int status, long nanos) {
        inFlight.decrementAndGet();
        requests.computeIfAbsent(route + '\u0000' + status, key -> new LongAdder()).increment();
        latency.computeIfAbsent(route, key -> new Histogram(LATENCY)).observe(nanos / 1e9);
    }

    void batch(int texts) {
        batches.observe(texts);
    }

    void queryCache(boolean hit) {
        (hit ? cacheHits : cacheMisses).increment();
    }

    void reload(boolean ok) {
        (ok ? reloads : failedReloads).increment();
    }

    /** The count of requests to {@code route} answered with {@code status}. */
    long requests(String route, int status) {
        LongAdder count = requests.get(route + '\u0000' + status);
        return count == null ? 0 : count.sum();
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP embex_requests_total Requests answered, by route and status.\n");
        out.append("# TYPE embex_requests_total counter\n");
        new TreeMap<>(requests).forEach((key, count) -> {
            String[] parts = key.split("\u0000");
            out.append("embex_requests_total{route=\"").append(parts[0]).append("\",status=\"").append(parts[1])
                    .append("\"} ").append(count.sum()).append('\n');
        });
        out.append("# HELP embex_errors_total Requests answered with a status of 400 or more, by route.\n");
        out.append("# TYPE embex_errors_total counter\n");
        Map<String, Long> errors = new TreeMap<>();
        requests.forEach((key, count) -> {
            String[] parts = key.split("\u0000");
            errors.merge(parts[0], Integer.parseInt(parts[1]) >= 400 ? count.sum() : 0, Long::sum);
        });
        errors.forEach((route, count) -> out.append("embex_errors_total{route=\"").append(route).append("\"} ")
                .append(count).append('\n'));
        out.append("# HELP embex_requests_in_flight Requests begun and not yet answered (this one included).\n");
        out.append("# TYPE embex_requests_in_flight gauge\n");
        out.append("embex_requests_in_flight ").append(inFlight.get()).append('\n');
        out.append("# HELP embex_request_seconds Time to answer a request, by route.\n");
        out.append("# TYPE embex_request_seconds histogram\n");
        new TreeMap<>(latency).forEach((route, histogram) -> histogram.write(out, "embex_request_seconds",
                "route=\"" + route + "\","));
        out.append("# HELP embex_batch_texts Texts per model run.\n");
        out.append("# TYPE embex_batch_texts histogram\n");
        batches.write(out, "embex_batch_texts", "");
        out.append("# HELP embex_query_cache_hits_total Query vectors found in the query cache.\n");
        out.append("# TYPE embex_query_cache_hits_total counter\n");
        out.append("embex_query_cache_hits_total ").append(cacheHits.sum()).append('\n');
        out.append("# HELP embex_query_cache_misses_total Query vectors the model had to make.\n");
        out.append("# TYPE embex_query_cache_misses_total counter\n");
        out.append("embex_query_cache_misses_total ").append(cacheMisses.sum()).append('\n');
        out.append("# HELP embex_gate_reloads_total Gate files read again after a change, by outcome.\n");
        out.append("# TYPE embex_gate_reloads_total counter\n");
        out.append("embex_gate_reloads_total{outcome=\"ok\"} ").append(reloads.sum()).append('\n');
        out.append("embex_gate_reloads_total{outcome=\"failed\"} ").append(failedReloads.sum()).append('\n');
        return out.toString();
    }

    /** Cumulative buckets, a sum and a count, as Prometheus histograms are. */
    private static final class Histogram {

        private final double[] bounds;
        private final LongAdder[] counts;
        private final LongAdder count = new LongAdder();
        private final DoubleAdder sum = new DoubleAdder();

        Histogram(double[] bounds) {
            this.bounds = bounds;
            this.counts = new LongAdder[bounds.length];
            for (int i = 0; i < bounds.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(double value) {
            for (int i = 0; i < bounds.length; i++) {
                if (value <= bounds[i]) {
                    counts[i].increment();
                    break;
                }
            }
            count.increment();
            sum.add(value);
        }

        void write(StringBuilder out, String name, String labels) {
            long cumulative = 0;
            for (int i = 0; i < bounds.length; i++) {
                cumulative += counts[i].sum();
                out.append(name).append("_bucket{").append(labels).append("le=\"").append(format(bounds[i])).append("\"} ")
                        .append(cumulative).append('\n');
            }
            String bare = labels.isEmpty() ? "" : "{" + labels.substring(0, labels.length() - 1) + "}";
            out.append(name).append("_bucket{").append(labels).append("le=\"+Inf\"} ").append(count.sum()).append('\n');
            out.append(name).append("_sum").append(bare).append(' ').append(sum.sum()).append('\n');
            out.append(name).append("_count").append(bare).append(' ').append(count.sum()).append('\n');
        }

        private static String format(double bound) {
            return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
        }
    }
}
