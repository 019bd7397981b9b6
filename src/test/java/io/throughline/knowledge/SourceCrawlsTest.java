package io.throughline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A crawl against a local site with a robots.txt, a redirect loop, a 500, a slow page and an off-site link. */
class SourceCrawlsTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private ExecutorService threads;
    private String site;
    private KnowledgeBase knowledgeBase;
    private KnowledgeSources sources;
    private SourceCrawls crawls;

    @BeforeEach
    void localSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        threads = Executors.newFixedThreadPool(4);
        server.setExecutor(threads);
        site = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/robots.txt", exchange -> respond(exchange, 200, "text/plain", "User-agent: *\nDisallow: /private\n"));
        server.createContext("/", exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/" -> respond(exchange, 200, "text/html", """
                        <html><head><title>Larkspur help</title></head><body><h2>Welcome</h2><p>Find answers here.</p>
                        <a href="/shipping#top">Shipping</a> <a href="private/orders">Orders</a> <a href="/loop-a">Loop</a>
                        <a href="/broken">Broken</a> <a href="/slow">Slow</a> <a href="https://elsewhere.example/">Away</a>
                        <a href="/logo.png">Logo</a></body></html>""");
                case "/shipping" -> respond(exchange, 200, "text/html; charset=utf-8", """
                        <html><head><title>Shipping</title></head><body><h2>Delivery times</h2>
                        <p>Orders leave our Utrecht roastery within two business days.</p><a href="/deep">More</a></body></html>""");
                case "/deep" -> respond(exchange, 200, "text/html", "<title>Deep</title><p>Too deep to be crawled.</p>");
                case "/loop-a" -> redirect(exchange, "/loop-b");
                case "/loop-b" -> redirect(exchange, "/loop-a");
                case "/broken" -> respond(exchange, 500, "text/plain", "boom");
                case "/slow" -> {
                    sleep(5_000);
                    respond(exchange, 200, "text/html", "<p>Finally.</p>");
                }
                case "/logo.png" -> respond(exchange, 200, "image/png", "PNG");
                default -> respond(exchange, 404, "text/plain", "not found");
            }
        });
        server.start();
        sources = new KnowledgeSources(TestDatabases.freshH2());
        knowledgeBase = new KnowledgeBase(KnowledgeSettings.of(dir), SourceSettings.defaults(), SharedEmbeddings.get(), sources);
        crawls = crawls(Duration.ofMillis(1500), Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Test
    void crawlsTheSiteWithinItsLimitsAndReportsEveryPageItCouldNotTake() throws IOException {
        long start = System.nanoTime();

        SourceCrawls.Report report = crawls.crawl(site + "/", 1, 50);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(report.pages()).isEqualTo(2);
        assertThat(report.changed()).isEqualTo(2);
        assertThat(report.failures()).extracting(IngestFailure::path, IngestFailure::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(site + "/private/orders", "disallowed by robots.txt"),
                org.assertj.core.groups.Tuple.tuple(site + "/loop-a",
                        "redirect loop: " + site + "/loop-a -> " + site + "/loop-b -> " + site + "/loop-a"),
                org.assertj.core.groups.Tuple.tuple(site + "/broken", "HTTP 500"),
                org.assertj.core.groups.Tuple.tuple(site + "/slow", "no complete answer within 1500 ms"),
                org.assertj.core.groups.Tuple.tuple(site + "/logo.png", "not an HTML page (image/png)"));
        Passage top = knowledgeBase.search("how fast do orders leave the roastery", 1).get(0);
        assertThat(top).extracting(Passage::source, Passage::title, Passage::section)
                .containsExactly(site + "/shipping", "Shipping", "Delivery times");
        assertThat(knowledgeBase.summaries()).extracting(SourceSummary::path).containsExactly(site + "/", site + "/shipping");

        Files.writeString(dir.resolve("returns.md"), "# Returns\n\nReturn within 30 days.\n");
        IngestReport folder = knowledgeBase.ingest();
        assertThat(folder.removed()).as("a folder ingest keeps crawled pages").isZero();
        assertThat(knowledgeBase.summaries()).hasSize(3);
        assertThat(crawls.crawl(site + "/", 1, 50).changed()).as("unchanged pages are not re-embedded").isZero();
    }

    @Test
    void thePageLimitAndTheWholeCrawlDeadlineEndTheCrawl() {
        assertThat(crawls.crawl(site + "/", 2, 1).pages()).isEqualTo(1);

        SourceCrawls.Report report = crawls(Duration.ofSeconds(5), Duration.ZERO).crawl(site + "/", 2, 50);

        assertThat(report.pages()).isZero();
        assertThat(report.failures()).extracting(IngestFailure::reason).singleElement()
                .asString().startsWith("the crawl stopped after 0 s");
    }

    @Test
    void aSiteThatDoesNotAnswerEndsInAReport() {
        SourceCrawls.Report report = crawls.crawl("http://127.0.0.1:1/", 2, 50);

        assertThat(report.pages()).isZero();
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.path()).isEqualTo("http://127.0.0.1:1/");
            assertThat(failure.reason()).startsWith("cannot be fetched: ");
        });
    }

    private SourceCrawls crawls(Duration perPage, Duration wholeCrawl) {
        return new SourceCrawls(KnowledgeSettings.of(dir), SourceSettings.defaults(), knowledgeBase, sources,
                SharedEmbeddings.get(), perPage, wholeCrawl);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the crawler gave up on a slow page and closed the connection
        }
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
