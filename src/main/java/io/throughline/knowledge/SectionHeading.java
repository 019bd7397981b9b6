package io.throughline.knowledge;

/** A section of an ingested source, by its heading (for an FAQ: its question): what the content says it answers. */
public record SectionHeading(String source, String title, String section) {
}
