package io.throughline.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Reports computed lately, kept for a while: for what changes slowly and costs a second to compute. */
final class Recent<V> {

    private record Kept<V>(Instant at, V value) {}

    private final Duration fresh;
    private final int kept;
    private final Clock clock;
    private final Map<String, Kept<V>> values = new LinkedHashMap<>();

    Recent(Duration fresh, int kept) {
        this(fresh, kept, Clock.systemUTC());
    }

    Recent(Duration fresh, int kept, Clock clock) {
        this.fresh = fresh;
        this.kept = kept;
        this.clock = clock;
    }

    /** The value computed for {@code key} less than {@code fresh} ago, else a new one (two callers may both compute). */
    V get(String key, Supplier<V> compute) {
        synchronized (values) {
            Kept<V> known = values.get(key);
            if (known != null && known.at().plus(fresh).isAfter(clock.instant())) {
                return known.value();
            }
        }
        V value = compute.get();
        synchronized (values) {
            values.remove(key);
            values.put(key, new Kept<>(clock.instant(), value));
            while (values.size() > kept) {
                values.remove(values.keySet().iterator().next());
            }
        }
        return value;
    }
}
