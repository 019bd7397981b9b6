package io.throughline.web.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code throughline.rate-limits.*}: token buckets, each {@code capacity} requests per {@code period} (the bucket
 * fills up again when the period is over).
 * Kept in memory per node: behind N nodes a client gets up to N times as much. Defaults are far above what a person
 * (or the test suite) does, and stop floods and guessing.
 */
@ConfigurationProperties("throughline.rate-limits")
public record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"60", "PT1M"}) Limit visitorMessages,
        @DefaultValue({"5", "PT15M"}) Limit codeSends,
        @DefaultValue({"20", "PT15M"}) Limit codeTries,
        @DefaultValue({"6000", "PT1M"}) Limit clientIp,
        @DefaultValue({"30", "PT10M"}) Limit loginFailures,
        @DefaultValue({"12000", "PT1M"}) Limit webhooks) {

    /** At most {@code capacity} requests per {@code period}. */
    public record Limit(long capacity, Duration period) {}
}
