package io.throughline.knowledge;

/**
 * A knowledge file an ingestion run could not take.
 *
 * @param path   relative to the knowledge folder, with forward slashes
 * @param reason what is wrong with it, in words its author can act on
 */
public record IngestFailure(String path, String reason) {
}
