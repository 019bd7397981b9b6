package io.throughline.knowledge;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.throughline.web.ApiException;

/**
 * Crawls a site into the knowledge base: each HTML page is a source stored under its URL (so citations link to it),
 * re-embedded only when its HTML changed; then the index is refreshed. Failures (robots.txt, HTTP errors, timeouts,
 * redirect loops) are listed in the report, never thrown.
 */
@Component
public class SourceCrawls {

    private static final Logger log = LoggerFactory.getLogger(SourceCrawls.class);

    static final int MAX_DEPTH = 5;
    static final int MAX_PAGES = 500;

    private final KnowledgeBase knowledgeBase;
    private final KnowledgeSources sources;
    private final Embeddings embeddings;
    private final Chunker chunker;
    private final long maxBytes;
    private final HtmlParser parser = new HtmlParser();
    private final Duration timeout;
    private final Duration deadline;

    @Autowired
    public SourceCrawls(KnowledgeSettings settings, SourceSettings limits, KnowledgeBase knowledgeBase,
                        KnowledgeSources sources, Embeddings embeddings) {
        this(settings, limits, knowledgeBase, sources, embeddings, Duration.ofSeconds(10), Duration.ofMinutes(2));
    }

    /**
     * @param timeout  per page, connect and body together
     * @param deadline the whole crawl
     */
    SourceCrawls(KnowledgeSettings settings, SourceSettings limits, KnowledgeBase knowledgeBase, KnowledgeSources sources,
                 Embeddings embeddings, Duration timeout, Duration deadline) {
        this.knowledgeBase = knowledgeBase;
        this.sources = sources;
        this.embeddings = embeddings;
        this.chunker = new Chunker(settings.maxChunkChars());
        this.maxBytes = limits.maxFileSize().toBytes();
        this.timeout = timeout;
        this.deadline = deadline;
    }

    /**
     * What a crawl did.
     *
     * @param pages    HTML pages fetched
     * @param changed  pages stored because they are new or changed
     * @param failures pages not taken, each with why
     * @param ingest   the re-ingestion that refreshed the index
     */
    public record Report(int pages, int changed, List<IngestFailure> failures, IngestReport ingest) {
    }

    public Report crawl(String url, int maxDepth, int maxPages) {
        URI start = start(url);
        if (maxDepth < 0 || maxDepth > MAX_DEPTH) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "maxDepth must be between 0 and " + MAX_DEPTH, "maxDepth");
        }
        if (maxPages < 1 || maxPages > MAX_PAGES) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "maxPages must be between 1 and " + MAX_PAGES, "maxPages");
        }
        SiteCrawler crawler = new SiteCrawler(new SiteCrawler.Limits(maxDepth, maxPages, timeout, maxBytes, deadline),
                Clock.systemUTC());
        SiteCrawler.Result result = crawler.crawl(start);
        Map<String, String> stored = sources.hashesByPath();
        List<IngestFailure> failures = new ArrayList<>(result.failures());
        int changed = 0;
        for (SiteCrawler.Page page : result.pages()) {
            String hash = ContentHash.ofSource(ContentHash.sha256(page.html()));
            if (hash.equals(stored.get(page.url()))) {
                continue;
            }
            ParsedDocument document = parser.parse(page.html(), page.url());
            List<Chunk> chunks = chunker.chunk(document.sections());
            if (chunks.isEmpty()) {
                failures.add(new IngestFailure(page.url(), "has no text to ingest"));
                continue;
            }
            try {
                sources.replace(page.url(), document.title(), hash, chunks, embeddings.embedAll(chunks.stream()
                        .map(chunk -> document.title() + (chunk.section() == null ? "" : " - " + chunk.section()) + "\n"
                                + chunk.text())
                        .toList()));
                changed++;
            } catch (DataAccessException e) {
                failures.add(new IngestFailure(page.url(), "could not be stored: " + e.getMostSpecificCause().getMessage()));
            }
        }
        failures.forEach(failure -> log.warn("Crawled page {} is not ingested: {}", failure.path(), failure.reason()));
        log.info("Crawled {}: {} pages, {} changed, {} not taken", start, result.pages().size(), changed, failures.size());
        return new Report(result.pages().size(), changed, List.copyOf(failures), knowledgeBase.ingest());
    }

    /** A source stored under a URL rather than a path in the knowledge folder. */
    static boolean isPage(String path) {
        return path.startsWith("http://") || path.startsWith("https://");
    }

    private static URI start(String url) {
        try {
            URI uri = new URI(url == null ? "" : url.strip());
            return SiteCrawler.normalized(uri).orElseThrow(() -> new URISyntaxException(String.valueOf(url), "not http(s)"));
        } catch (URISyntaxException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "url must be an absolute http or https address, such as "
                    + "https://example.com/help; was '" + url + "'", "url");
        }
    }
}
