package io.throughline.knowledge;

import java.time.Instant;

/**
 * A stored source as the sources API lists it.
 *
 * @param path       relative to the knowledge folder, with forward slashes
 * @param chunks     how many chunks it was cut into
 * @param ingestedAt when its current version was stored
 */
public record SourceSummary(String path, String title, int chunks, Instant ingestedAt) {
}
