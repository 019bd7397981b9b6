package io.throughline.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Brings the stored sources in line with the knowledge folder: new or changed files are re-embedded, gone ones deleted.
 * A file that cannot be taken (unknown type, too large, empty, damaged) is logged and reported, and any earlier version
 * of it is deleted, so the bot never answers from content the folder no longer holds; the rest of the run goes on.
 */
final class FolderSync {

    private static final Logger log = LoggerFactory.getLogger(FolderSync.class);

    private final KnowledgeFiles files;
    private final KnowledgeSources sources;
    private final Embeddings embeddings;
    private final DocumentParser parser = new DocumentParser();
    private final Chunker chunker;
    private final IngestProgress progress = new IngestProgress();
    private final long maxFileBytes;

    FolderSync(KnowledgeSettings settings, SourceSettings limits, KnowledgeSources sources, Embeddings embeddings) {
        this.files = new KnowledgeFiles(settings.dir());
        this.sources = sources;
        this.embeddings = embeddings;
        this.chunker = new Chunker(settings.maxChunkChars());
        this.maxFileBytes = limits.maxFileSize().toBytes();
    }

    record Result(int files, int changed, int removed, int embedded, int failed, List<IngestFailure> failures) {
    }

    IngestProgress progress() {
        return progress;
    }

    Result run() {
        Map<String, String> storedHashes = sources.hashesByPath();
        List<Path> knowledgeFiles = files.list();
        progress.started(knowledgeFiles.size());
        try {
            return sync(storedHashes, knowledgeFiles);
        } finally {
            progress.finished();
        }
    }

    private Result sync(Map<String, String> storedHashes, List<Path> knowledgeFiles) {
        Set<String> present = new HashSet<>();
        List<IngestFailure> failures = new ArrayList<>();
        int changed = 0;
        int embedded = 0;
        for (Path file : knowledgeFiles) {
            String path = files.relative(file);
            try {
                byte[] content = read(file);
                String hash = ContentHash.sha256(content);
                present.add(path);
                if (hash.equals(storedHashes.get(path))) {
                    progress.fileDone(0);
                    continue;
                }
                int stored = store(file, path, content, hash);
                embedded += stored;
                changed++;
                progress.fileDone(stored);
            } catch (RejectedSource e) {
                present.remove(path);
                log.warn("Knowledge file {} is not ingested: {}", path, e.getMessage());
                IngestFailure failure = new IngestFailure(path, e.getMessage());
                failures.add(failure);
                progress.failed(failure);
            } catch (DataAccessException e) {
                // another node starting at the same moment may be writing the same source; its rows will do
                log.warn("Could not store knowledge source {}; it is left for the next ingestion: {}", path, e.getMessage());
                IngestFailure failure = new IngestFailure(path, "could not be stored, retried by the next ingestion: "
                        + e.getMessage());
                failures.add(failure);
                progress.failed(failure);
            }
        }
        int removed = 0;
        for (String path : storedHashes.keySet()) {
            // crawled pages are stored under their URL and are not in the folder
            if (!present.contains(path) && !SourceCrawls.isPage(path)) {
                sources.delete(path);
                removed++;
            }
        }
        return new Result(knowledgeFiles.size(), changed, removed, embedded, failures.size(), List.copyOf(failures));
    }

    private int store(Path file, String path, byte[] content, String hash) throws RejectedSource {
        ParsedDocument document = parser.parse(file, content);
        List<Chunk> chunks = chunker.chunk(document.sections());
        if (chunks.isEmpty()) {
            throw new RejectedSource("has no text to ingest (a scanned PDF needs text recognition first)");
        }
        List<float[]> vectors = embeddings.embedAll(chunks.stream()
                .map(chunk -> document.title() + (chunk.section() == null ? "" : " - " + chunk.section()) + "\n" + chunk.text())
                .toList());
        sources.replace(path, document.title(), hash, chunks, vectors);
        return chunks.size();
    }

    /** The size is checked before reading, so a huge file costs no memory. */
    private byte[] read(Path file) throws RejectedSource {
        if (SourceFormat.of(file).isEmpty()) {
            throw new RejectedSource("unsupported file type; the knowledge folder takes " + SourceFormat.supported());
        }
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                throw new RejectedSource("is " + megabytes(size) + ", over the limit of " + megabytes(maxFileBytes)
                        + " (setting throughline.knowledge.max-file-size)");
            }
            if (size == 0) {
                throw new RejectedSource("is empty");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RejectedSource("cannot be read: " + e, e);
        }
    }

    static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0) : bytes + " bytes";
    }
}
