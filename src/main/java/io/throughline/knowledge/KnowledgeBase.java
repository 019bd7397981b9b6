package io.throughline.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The business's knowledge: ingests the knowledge folder into the database and searches the chunks. */
@Component
public class KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final KnowledgeSettings settings;
    private final Embeddings embeddings;
    private final KnowledgeSources sources;
    private final KnowledgeFiles files;
    private final DocumentParser parser = new DocumentParser();
    private final Chunker chunker;
    private volatile HybridIndex index = HybridIndex.empty();

    public KnowledgeBase(KnowledgeSettings settings, Embeddings embeddings, KnowledgeSources sources) {
        this.settings = settings;
        this.embeddings = embeddings;
        this.sources = sources;
        this.files = new KnowledgeFiles(settings.dir());
        this.chunker = new Chunker(settings.maxChunkChars());
    }

    /** Best first; scores in [0,1]. Empty until the first ingestion. */
    public List<Passage> search(String query, int limit) {
        HybridIndex current = index;
        if (query == null || query.isBlank() || current.size() == 0 || limit <= 0) {
            return List.of();
        }
        return current.search(query, embeddings.embed(query), limit);
    }

    /** Brings the stored sources in line with the folder (only changed files are re-embedded) and reloads the index. */
    public synchronized IngestReport ingest() {
        long start = System.nanoTime();
        Map<String, String> storedHashes = sources.hashesByPath();
        Set<String> present = new HashSet<>();
        int changed = 0;
        int embedded = 0;
        List<Path> knowledgeFiles = files.list();
        for (Path file : knowledgeFiles) {
            String path = files.relative(file);
            present.add(path);
            String content = read(file);
            String hash = sha256(content);
            if (!hash.equals(storedHashes.get(path))) {
                embedded += store(file, path, content, hash);
                changed++;
            }
        }
        int removed = 0;
        for (String path : storedHashes.keySet()) {
            if (!present.contains(path)) {
                sources.delete(path);
                removed++;
            }
        }
        List<IndexedChunk> chunks = sources.allChunks();
        index = new HybridIndex(chunks, settings.semanticWeight());
        IngestReport report = new IngestReport(knowledgeFiles.size(), changed, removed, chunks.size(), embedded,
                (System.nanoTime() - start) / 1_000_000);
        log.info("Knowledge ingested from {}: {} files ({} changed, {} removed), {} chunks, {} embedded, {} ms",
                settings.dir().toAbsolutePath(), report.files(), report.changed(), report.removed(), report.chunks(),
                report.embedded(), report.millis());
        return report;
    }

    private int store(Path file, String path, String content, String hash) {
        ParsedDocument document = parser.parse(file, content);
        List<Chunk> chunks = chunker.chunk(document.sections());
        List<float[]> vectors = embeddings.embedAll(chunks.stream()
                .map(chunk -> document.title() + (chunk.section() == null ? "" : " - " + chunk.section()) + "\n" + chunk.text())
                .toList());
        sources.replace(path, document.title(), hash, chunks, vectors);
        return chunks.size();
    }

    /** Malformed UTF-8 (a page saved in another charset) becomes replacement characters instead of failing start-up. */
    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read knowledge file " + file, e);
        }
    }

    private static String sha256(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
