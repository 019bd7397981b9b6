package io.throughline.customer.privacy;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** How many of each kind of thing an erasure removed, filled in by every module that took part. */
public final class ErasedCounts {

    private final Map<String, Integer> counts = new TreeMap<>();

    public synchronized void add(String what, int removed) {
        counts.merge(what, removed, Integer::sum);
    }

    public void addAll(ErasedCounts other) {
        other.asMap().forEach(this::add);
    }

    public synchronized Map<String, Integer> asMap() {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
