package io.throughline.knowledge;

/**
 * A piece of knowledge found for a query.
 *
 * @param source  path relative to the knowledge folder, with forward slashes, e.g. {@code shipping.md}
 * @param section the heading the text sits under, or null
 * @param score   relevance in [0,1], higher is better
 */
public record Passage(String title, String source, String section, String text, double score) {
}
