package io.throughline.journey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether a changed file in {@code processes/}, {@code rules/} or {@code forms/} is taken while the application runs.
 *
 * @param reload         {@code throughline.journey.reload}: on by default; each node watches its own folders
 * @param reloadInterval {@code throughline.journey.reload-interval}: how often the folders are looked at
 */
@ConfigurationProperties("throughline.journey")
public record ReloadSettings(@DefaultValue("true") boolean reload, @DefaultValue("2s") Duration reloadInterval) {}
