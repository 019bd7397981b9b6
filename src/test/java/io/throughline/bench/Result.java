package io.throughline.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What one load run measured: its wall time, the two latencies per message, and what went wrong. */
final class Result {

    final String label;
    final int concurrency;
    /** Messages the run sent (POSTed, or started/correlated). */
    final AtomicInteger sent = new AtomicInteger();
    /** Messages accepted (202, or the start/correlate call returned). */
    final AtomicInteger accepted = new AtomicInteger();
    /** Messages whose round trip completed (the bot's reply arrived, or the instance waits again). */
    final AtomicInteger completed = new AtomicInteger();
    /** The accept call's own round trip (POST, or start/correlate). */
    final Latencies accept = new Latencies();
    /** From the accept call's start to the reply on the stream, or to the instance waiting again. */
    final Latencies roundTrip = new Latencies();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    volatile long wallNanos;

    Result(String label, int concurrency) {
        this.label = label;
        this.concurrency = concurrency;
    }

    void error(String kind) {
        errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    int errorCount() {
        return errors.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    Map<String, Integer> errors() {
        Map<String, Integer> sorted = new TreeMap<>();
        errors.forEach((kind, count) -> sorted.put(kind, count.get()));
        return sorted;
    }

    double seconds() {
        return wallNanos / 1e9;
    }

    /** Accepted messages per second of the whole run's wall time. */
    double acceptedPerSecond() {
        return accepted.get() / seconds();
    }

    /** Completed round trips per second of the whole run's wall time. */
    double completedPerSecond() {
        return completed.get() / seconds();
    }
}
