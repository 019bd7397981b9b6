package io.throughline.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The business's knowledge: ingests the knowledge folder into the database and searches the chunks through this node's
 * Lucene index, which is rebuilt from the rows whenever they changed since it was built.
 */
@Component
public class KnowledgeBase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final KnowledgeSettings settings;
    private final Embeddings embeddings;
    private final KnowledgeSources sources;
    private final FolderSync folderSync;
    private final LuceneIndex index;
    private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();
    private volatile List<SectionHeading> headings;

    /** Files larger than {@code limits.maxFileSize()} are refused before they are read. */
    @Autowired
    public KnowledgeBase(KnowledgeSettings settings, SourceSettings limits, Embeddings embeddings, KnowledgeSources sources) {
        this.settings = settings;
        this.embeddings = embeddings;
        this.sources = sources;
        this.folderSync = new FolderSync(settings, limits, sources, embeddings);
        this.index = openIndex(settings);
    }

    /** Files up to the default {@link SourceSettings#maxFileSize()}. */
    public KnowledgeBase(KnowledgeSettings settings, Embeddings embeddings, KnowledgeSources sources) {
        this(settings, SourceSettings.defaults(), embeddings, sources);
    }

    /** Best first (by fused rank); scores in [0,1]. Empty until the first ingestion. */
    public List<Passage> search(String query, int limit) {
        return explain(query, limit).stream().map(ExplainedPassage::passage).toList();
    }

    /** What {@link #search} finds, with the keyword and embedding ranks that placed each passage. */
    public List<ExplainedPassage> explain(String query, int limit) {
        if (query == null || query.isBlank() || limit <= 0 || index.size() == 0) {
            return List.of();
        }
        return index.search(query, embeddings.embed(query), limit);
    }

    /** The knowledge folder. */
    public Path folder() {
        return settings.dir();
    }

    /** The fingerprint of the stored content the index holds now (null before the first ingestion): its version. */
    public String version() {
        return index.fingerprint();
    }

    /** Every section heading of the indexed content, once each, in the order of the sources' paths. */
    public List<SectionHeading> headings() {
        List<SectionHeading> known = headings;
        if (known == null) {
            known = headingsOf(sources.allChunks());
            headings = known;
        }
        return known;
    }

    /** Called with the new {@link #version()} after every rebuild of the index (on the thread that rebuilt it). */
    public void whenChanged(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    /** The ingested files, by title. */
    public List<Source> sources() {
        return sources.sources();
    }

    /** Every stored source with its chunk count and when it was ingested, by path. */
    public List<SourceSummary> summaries() {
        return sources.summaries();
    }

    /** Where the running ingestion is, or what the last one did. */
    public IngestStatus status() {
        return folderSync.progress().status();
    }

    /** The ingested file stored under this path, if there is one. */
    public Optional<Source> source(String path) {
        return sources.source(path);
    }

    /**
     * The file's current text, read from the knowledge folder. Only a stored source's path is ever resolved, so a path
     * that came with a request cannot reach a file outside the folder; empty for anything else or a file gone since.
     */
    public Optional<String> text(Source source) {
        if (sources.source(source.path()).isEmpty()) {
            return Optional.empty();
        }
        Path dir = settings.dir().toAbsolutePath().normalize();
        Path file = dir.resolve(source.path()).normalize();
        if (!file.startsWith(dir)) {
            return Optional.empty();
        }
        try {
            return Optional.of(KnowledgeFiles.read(file));
        } catch (NoSuchFileException e) {
            return uploadedText(source);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read knowledge file " + file, e);
        }
    }

    /** A file uploaded on another node of the cluster is not in this node's folder: its stored copy is read instead. */
    private Optional<String> uploadedText(Source source) {
        return sources.uploads().content(source.path()).map(content -> {
            Path name = Path.of(source.path());
            return KnowledgeFiles.isMarkdown(name) || KnowledgeFiles.isHtml(name)
                    ? new String(content, StandardCharsets.UTF_8)
                    : new ArticleMarkdown().of(name, content);
        });
    }

    /**
     * Brings the stored sources in line with the folder (only changed files are re-embedded), then rebuilds the index
     * from the rows unless it was built from exactly these rows already.
     */
    public synchronized IngestReport ingest() {
        long start = System.nanoTime();
        FolderSync.Result sync = folderSync.run();
        refreshIndex();
        IngestReport report = new IngestReport(sync.files(), sync.changed(), sync.removed(), index.size(), sync.embedded(),
                sync.failed(), (System.nanoTime() - start) / 1_000_000, sync.failures());
        log.info("Knowledge ingested from {}: {} files ({} changed, {} removed, {} failed), {} chunks, {} embedded, {} ms",
                settings.dir().toAbsolutePath(), report.files(), report.changed(), report.removed(), report.failed(),
                report.chunks(), report.embedded(), report.millis());
        if (report.files() == 0) {
            log.warn("The knowledge folder {} has no files it can ingest: the bot can answer nothing and will hand every "
                    + "question to a person. Put your help articles there, or set throughline.knowledge.dir.",
                    settings.dir().toAbsolutePath());
        }
        return report;
    }

    /**
     * Rebuilds this node's index when the rows changed since it was built: another node ingested an upload, a crawl or
     * its folder. Sources another node is still writing are left out until they are complete.
     */
    public synchronized void refresh() {
        refreshIndex();
    }

    @Override
    public void close() throws IOException {
        index.close();
    }

    private void refreshIndex() {
        String fingerprint = sources.fingerprint();
        if (fingerprint.equals(index.fingerprint())) {
            log.debug("The knowledge index is up to date with the stored chunks");
            return;
        }
        long start = System.nanoTime();
        List<IndexedChunk> chunks = sources.allChunks();
        index.rebuild(chunks, fingerprint);
        headings = headingsOf(chunks);
        log.info("Knowledge index rebuilt from {} stored chunks in {} ms", chunks.size(),
                (System.nanoTime() - start) / 1_000_000);
        for (Consumer<String> listener : changeListeners) {
            listener.accept(fingerprint);
        }
    }

    private static List<SectionHeading> headingsOf(List<IndexedChunk> chunks) {
        LinkedHashSet<SectionHeading> headings = new LinkedHashSet<>();
        for (IndexedChunk chunk : chunks) {
            if (chunk.section() != null && !chunk.section().isBlank()) {
                headings.add(new SectionHeading(chunk.source(), chunk.title(), chunk.section()));
            }
        }
        return List.copyOf(headings);
    }

    private static LuceneIndex openIndex(KnowledgeSettings settings) {
        if (settings.indexDir() == null) {
            return LuceneIndex.inMemory(settings.semanticWeight());
        }
        try {
            return LuceneIndex.onDisk(settings.indexDir(), settings.semanticWeight());
        } catch (IOException | RuntimeException e) {
            // another process using the same folder (a second node started from the same directory) or a damaged index
            log.warn("Cannot open the knowledge index in {} ({}); this node keeps it in memory and rebuilds it at every "
                    + "start. Give each node its own throughline.knowledge.index-dir.",
                    settings.indexDir().toAbsolutePath(), e.toString());
            return LuceneIndex.inMemory(settings.semanticWeight());
        }
    }
}
