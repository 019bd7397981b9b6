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
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Brings the stored sources in line with the knowledge folder: new or changed files are re-embedded, gone ones deleted.
 * A file that cannot be taken (unknown type, too large, empty, damaged) is logged and reported, and any earlier version
 * of it is deleted, so the bot never answers from content the folder no longer holds; the rest of the run goes on.
 * Uploaded files count as if they were in the folder (see {@link KnowledgeUploads}), on every node.
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
        Map<String, KnowledgeUploads.Upload> uploads = new TreeMap<>(sources.uploads().byPath());
        knowledgeFiles.forEach(file -> uploads.computeIfPresent(files.relative(file),
                (path, upload) -> modifiedAfter(file, upload) ? null : upload));
        int total = knowledgeFiles.size() + (int) uploads.keySet().stream()
                .filter(path -> knowledgeFiles.stream().noneMatch(file -> files.relative(file).equals(path))).count();
        progress.started(total);
        try {
            return sync(storedHashes, knowledgeFiles, uploads, total);
        } finally {
            progress.finished();
        }
    }

    /** What to ingest under one path: a file of the folder, or an upload another node (or this one) stored. */
    private record Candidate(String path, Path name, String uploadedHash, Path file) {
    }

    private Result sync(Map<String, String> storedHashes, List<Path> knowledgeFiles,
                        Map<String, KnowledgeUploads.Upload> uploads, int total) {
        List<Candidate> candidates = new ArrayList<>();
        for (Path file : knowledgeFiles) {
            String path = files.relative(file);
            KnowledgeUploads.Upload upload = uploads.remove(path);
            candidates.add(upload == null ? new Candidate(path, file, null, file)
                    : new Candidate(path, file, upload.contentHash(), null));
        }
        uploads.values().forEach(upload -> candidates.add(new Candidate(upload.path(), Path.of(upload.path()),
                upload.contentHash(), null)));

        Set<String> present = new HashSet<>();
        List<IngestFailure> failures = new ArrayList<>();
        int changed = 0;
        int embedded = 0;
        for (Candidate candidate : candidates) {
            String path = candidate.path();
            try {
                present.add(path);
                if (candidate.uploadedHash() != null && ContentHash.ofSource(candidate.uploadedHash()).equals(storedHashes.get(path))) {
                    progress.fileDone(0);
                    continue;
                }
                byte[] content = candidate.file() != null ? read(candidate.file()) : uploaded(path);
                String hash = ContentHash.ofSource(ContentHash.sha256(content));
                if (hash.equals(storedHashes.get(path))) {
                    progress.fileDone(0);
                    continue;
                }
                int stored = store(candidate.name(), path, content, hash);
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
        return new Result(total, changed, removed, embedded, failures.size(), List.copyOf(failures));
    }

    private byte[] uploaded(String path) throws RejectedSource {
        return sources.uploads().content(path).orElseThrow(() -> new RejectedSource("was uploaded but is gone"));
    }

    /** A file changed in the folder after it was uploaded is the newer version: the folder's counts. */
    private static boolean modifiedAfter(Path file, KnowledgeUploads.Upload upload) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isAfter(upload.uploadedAt());
        } catch (IOException e) {
            return false;
        }
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
