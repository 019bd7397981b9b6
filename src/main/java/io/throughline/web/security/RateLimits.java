package io.throughline.web.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Bucket4j token buckets, one per limit and key (a visitor, a client IP, a channel), in this node's memory. A bucket
 * fills up again all at once when its period is over, so a limit means exactly "capacity per period". A bucket
 * that has filled up again is forgotten now and then, so a stream of one-off keys does not grow the map for ever.
 */
@Component
class RateLimits {

    /** Allowed, or refused with how long to wait. */
    record Verdict(boolean allowed, Duration retryAfter) {}

    private record Limited(Bucket bucket, long capacity) {}

    private static final int SWEEP_EVERY = 10_000;
    private final Map<String, Limited> buckets = new ConcurrentHashMap<>();
    private final AtomicLong created = new AtomicLong();

    /** Takes one token of {@code limit} for {@code key}. */
    Verdict take(String name, RateLimitSettings.Limit limit, String key) {
        ConsumptionProbe probe = bucket(name, limit, key).tryConsumeAndReturnRemaining(1);
        return new Verdict(probe.isConsumed(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Whether a token is left, without taking it (failed logins are taken only once they failed). */
    Verdict peek(String name, RateLimitSettings.Limit limit, String key) {
        var estimate = bucket(name, limit, key).estimateAbilityToConsume(1);
        return new Verdict(estimate.canBeConsumed(), Duration.ofNanos(estimate.getNanosToWaitForRefill()));
    }

    private Bucket bucket(String name, RateLimitSettings.Limit limit, String key) {
        String id = name + "\u0000" + key;
        Limited existing = buckets.get(id);
        if (existing != null) {
            return existing.bucket();
        }
        if (created.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep();
        }
        return buckets.computeIfAbsent(id, k -> new Limited(Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(limit.capacity()).refillIntervally(limit.capacity(), limit.period()).build()).build(),
                limit.capacity())).bucket();
    }

    /** Forgets buckets that are full again: forgetting one changes nothing for its key. */
    private void sweep() {
        buckets.values().removeIf(limited -> limited.bucket().getAvailableTokens() >= limited.capacity());
    }
}
