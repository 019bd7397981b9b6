/** The business's own content: sources, chunks, embeddings and retrieval. */
package io.throughline.knowledge;
