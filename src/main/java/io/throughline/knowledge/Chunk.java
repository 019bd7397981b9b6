package io.throughline.knowledge;

/** A section's text, or a paragraph-aligned part of it, with the heading it sits under (null before any heading). */
record Chunk(String section, String text) {
}
