package io.throughline.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/** Brings the stored sources in line with the knowledge folder: new or changed files are re-embedded, gone ones deleted. */
final class FolderSync {

    private static final Logger log = LoggerFactory.getLogger(FolderSync.class);

    private final KnowledgeFiles files;
    private final KnowledgeSources sources;
    private final Embeddings embeddings;
    private final DocumentParser parser = new DocumentParser();
    private final Chunker chunker;

    FolderSync(KnowledgeSettings settings, KnowledgeSources sources, Embeddings embeddings) {
        this.files = new KnowledgeFiles(settings.dir());
        this.sources = sources;
        this.embeddings = embeddings;
        this.chunker = new Chunker(settings.maxChunkChars());
    }

    record Result(int files, int changed, int removed, int embedded, int failed) {
    }

    Result run() {
        Map<String, String> storedHashes = sources.hashesByPath();
        List<Path> knowledgeFiles = files.list();
        Set<String> present = new HashSet<>();
        int changed = 0;
        int embedded = 0;
        int failed = 0;
        for (Path file : knowledgeFiles) {
            String path = files.relative(file);
            present.add(path);
            String content = read(file);
            String hash = ContentHash.sha256(content);
            if (hash.equals(storedHashes.get(path))) {
                continue;
            }
            try {
                embedded += store(file, path, content, hash);
                changed++;
            } catch (DataAccessException e) {
                // another node starting at the same moment may be writing the same source; its rows will do
                log.warn("Could not store knowledge source {}; it is left for the next ingestion: {}", path, e.getMessage());
                failed++;
            }
        }
        int removed = 0;
        for (String path : storedHashes.keySet()) {
            if (!present.contains(path)) {
                sources.delete(path);
                removed++;
            }
        }
        return new Result(knowledgeFiles.size(), changed, removed, embedded, failed);
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

    private static String read(Path file) {
        try {
            return KnowledgeFiles.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read knowledge file " + file, e);
        }
    }
}
