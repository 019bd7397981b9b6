package io.throughline.bench;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Latency samples in nanoseconds, recorded from many threads; percentiles by nearest rank. */
final class Latencies {

    private final ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();

    void record(long startNanos) {
        record(startNanos, System.nanoTime());
    }

    void record(long startNanos, long endNanos) {
        samples.add(endNanos - startNanos);
    }

    int count() {
        return samples.size();
    }

    /** The p-th percentile (0 < p <= 100) in milliseconds, or NaN without samples. */
    double percentileMillis(double p) {
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
    }

    double meanMillis() {
        return samples.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1_000_000.0;
    }

    @Override
    public String toString() {
        return Arrays.toString(new double[] {percentileMillis(50), percentileMillis(99)});
    }
}
