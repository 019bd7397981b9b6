package io.throughline.answer;

/**
 * Where an answer came from.
 *
 * @param source path under the knowledge folder, with forward slashes
 * @param section the heading the used text sits under, or null
 */
public record Citation(String title, String source, String section) {
}
