package io.throughline.knowledge;

import java.util.List;

/** A knowledge file reduced to its title and its sections in reading order. */
record ParsedDocument(String title, List<Chunk> sections) {
}
