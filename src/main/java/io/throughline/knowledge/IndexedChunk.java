package io.throughline.knowledge;

/** A stored chunk with its source's title and path and its unit-length embedding: one entry of the search index. */
record IndexedChunk(String title, String source, String section, String text, float[] vector) {
}
