package io.throughline.knowledge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Opens the package-private Lucene index to {@code io.throughline.bench}, which indexes synthetic chunks without rows. */
public final class BenchmarkIndex implements AutoCloseable {

    private final LuceneIndex index;

    private BenchmarkIndex(LuceneIndex index) {
        this.index = index;
    }

    /** The index as the app keeps it by default: in a folder of its own. */
    public static BenchmarkIndex onDisk(Path folder) throws IOException {
        return new BenchmarkIndex(LuceneIndex.onDisk(folder, KnowledgeSettings.of(folder).semanticWeight()));
    }

    /** One chunk as the rows give it: source title, path, heading, text and unit-length embedding. */
    public record Chunk(String title, String source, String section, String text, float[] vector) {
    }

    /** The strings ingestion embedded for the stored chunks (title, heading and text, as FolderSync builds them). */
    public static List<String> embeddedTexts(KnowledgeSources sources) {
        return sources.allChunks().stream()
                .map(chunk -> chunk.title() + (chunk.section() == null ? "" : " - " + chunk.section()) + "\n" + chunk.text())
                .toList();
    }

    public void rebuild(List<Chunk> chunks) {
        index.rebuild(chunks.stream()
                .map(chunk -> new IndexedChunk(chunk.title(), chunk.source(), chunk.section(), chunk.text(), chunk.vector()))
                .toList(), "benchmark");
    }

    public List<ExplainedPassage> search(String query, float[] queryVector, int limit) {
        return index.search(query, queryVector, limit);
    }

    public int size() {
        return index.size();
    }

    public int segments() {
        return index.segments();
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
