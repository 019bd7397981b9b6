package io.throughline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

class KnowledgeBaseTest {

    @TempDir
    Path dir;

    private final JdbcClient jdbc = TestDatabases.freshH2();
    private KnowledgeBase knowledgeBase;

    @BeforeEach
    void knowledgeBaseOverTheTemporaryFolder() {
        knowledgeBase = new KnowledgeBase(KnowledgeSettings.of(dir), SharedEmbeddings.get(), new KnowledgeSources(jdbc));
    }

    @Test
    void ingestsMarkdownAndHtmlButNotIntentsOrVoice() throws IOException {
        write("shipping.md", "# Shipping\n\n## Delivery times\n\nStandard shipping takes 3-5 business days.\n");
        write("help/about.html", "<html><head><title>About us</title></head><body><h2>Story</h2><p>Founded in 2016.</p></body></html>");
        write("voice.yml", "greeting: hi\n");
        write("intents/demo.csv", "text,intent\nwhere is my order,shipping\n");

        IngestReport report = knowledgeBase.ingest();

        assertThat(report.files()).isEqualTo(2);
        assertThat(report.chunks()).isEqualTo(2);
        assertThat(report.embedded()).isEqualTo(2);
        assertThat(jdbc.sql("select path from knowledge_sources order by path").query(String.class).list())
                .containsExactly("help/about.html", "shipping.md");
        List<Passage> found = knowledgeBase.search("when was the company founded", 1);
        assertThat(found.get(0)).extracting(Passage::title, Passage::source, Passage::section)
                .containsExactly("About us", "help/about.html", "Story");
    }

    @Test
    void reingestTouchesOnlyChangedFilesAndDropsRemovedOnes() throws IOException {
        write("shipping.md", "# Shipping\n\n## Delivery\n\nStandard shipping takes 3-5 business days.\n");
        write("returns.md", "# Returns\n\n## Window\n\nReturn within 30 days.\n");
        write("gift-cards.md", "# Gift cards\n\n## Validity\n\nGift cards are valid for 2 years.\n");
        knowledgeBase.ingest();

        write("returns.md", "# Returns\n\n## Window\n\nReturn within 60 days.\n\n## Refunds\n\nRefunds take 5 days.\n");
        Files.delete(dir.resolve("gift-cards.md"));
        IngestReport report = knowledgeBase.ingest();

        assertThat(report).extracting(IngestReport::files, IngestReport::changed, IngestReport::removed,
                IngestReport::chunks, IngestReport::embedded).containsExactly(2, 1, 1, 3, 2);
        assertThat(knowledgeBase.search("how long are gift cards valid", 5))
                .extracting(Passage::source).doesNotContain("gift-cards.md");
        assertThat(knowledgeBase.ingest().embedded()).isZero();
    }

    @Test
    void searchRanksTheRelevantSectionFirstWithScoresInUnitRange() {
        KnowledgeBase demo = TestDatabases.demoKnowledgeBase();

        List<ExplainedPassage> explained = demo.explain("How long does shipping take?", 5);
        List<Passage> passages = demo.search("How long does shipping take?", 5);

        assertThat(passages).hasSize(5).isEqualTo(explained.stream().map(ExplainedPassage::passage).toList());
        assertThat(passages.get(0).source()).isEqualTo("shipping.md");
        assertThat(passages.get(0).section()).isEqualTo("Delivery times");
        assertThat(passages).allSatisfy(p -> assertThat(p.score()).isBetween(0.0, 1.0));
        // ordered by reciprocal rank fusion, not by score (see LuceneIndex#score)
        assertThat(explained).extracting(ExplainedPassage::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(explained).isSortedAccordingTo((a, b) -> Double.compare(b.fused(), a.fused()));
        assertThat(explained.get(0)).satisfies(best -> {
            assertThat(best.bm25Rank()).isNotNull();
            assertThat(best.vectorRank()).isNotNull();
            assertThat(best.fused()).isEqualTo(1.0 / (60 + best.bm25Rank()) + 1.0 / (60 + best.vectorRank()));
        });
    }

    @Test
    void aFileThatIsNotUtf8IsStillIngested() throws IOException {
        Files.write(dir.resolve("legacy.html"),
                "<title>Caf\u00e9 hours</title><p>Open daily from 8 to 18.</p>".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThat(knowledgeBase.ingest().chunks()).isEqualTo(1);
        assertThat(knowledgeBase.search("opening hours", 1).get(0).text()).isEqualTo("Open daily from 8 to 18.");
    }

    @Test
    void aSourceThatCannotBeStoredIsSkippedAndRetriedByTheNextRun() throws IOException {
        write("shipping.md", "# Shipping\n\n## Delivery\n\nStandard shipping takes 3-5 business days.\n");
        write("returns.md", "# Returns\n\n## Window\n\nReturn within 30 days.\n");
        KnowledgeSources failingOnce = new KnowledgeSources(jdbc) {
            private boolean failed;

            @Override
            void replace(String path, String title, String hash, List<Chunk> chunks, List<float[]> vectors) {
                if (path.equals("returns.md") && !failed) {
                    failed = true;
                    throw new DuplicateKeyException("another node stored returns.md first");
                }
                super.replace(path, title, hash, chunks, vectors);
            }
        };
        KnowledgeBase racing = new KnowledgeBase(KnowledgeSettings.of(dir), SharedEmbeddings.get(), failingOnce);

        assertThat(racing.ingest()).extracting(IngestReport::changed, IngestReport::failed, IngestReport::chunks)
                .containsExactly(1, 1, 1);
        assertThat(racing.ingest()).extracting(IngestReport::changed, IngestReport::failed, IngestReport::chunks)
                .containsExactly(1, 0, 2);
    }

    @Test
    void anOverlongTitleOrHeadingIsShortenedToFitItsColumn() throws IOException {
        write("long.md", "# " + "T".repeat(700) + "\n\n## " + "S".repeat(700) + "\n\nSome text.\n");

        assertThat(knowledgeBase.ingest().failed()).isZero();
        assertThat(knowledgeBase.search("some text", 1).get(0))
                .satisfies(passage -> assertThat(passage.title()).hasSize(500).endsWith("…"))
                .satisfies(passage -> assertThat(passage.section()).hasSize(500));
    }

    @Test
    void listsStoredSourcesByTitleWithTheirOpeningButNotOneStillBeingWritten() throws IOException {
        write("shipping.md", "# Shipping\n\nWe ship daily.\n\n## Delivery\n\nStandard shipping takes 3-5 business days.\n");
        write("about.html", "<title>About us</title><p>Founded in 2016.</p>");
        write("returns.md", "# Returns\n\nReturn within 30 days.\n");
        knowledgeBase.ingest();
        jdbc.sql("update knowledge_sources set content_hash = 'pending' where path = 'returns.md'").update();

        assertThat(knowledgeBase.sources()).containsExactly(
                new Source("about.html", "About us", "Founded in 2016."),
                new Source("shipping.md", "Shipping", "We ship daily."));
        assertThat(knowledgeBase.source("returns.md")).isEmpty();
        assertThat(knowledgeBase.text(new Source("returns.md", "Returns", null))).isEmpty();
        assertThat(knowledgeBase.source("shipping.md").flatMap(knowledgeBase::text)).hasValue(
                "# Shipping\n\nWe ship daily.\n\n## Delivery\n\nStandard shipping takes 3-5 business days.\n");
    }

    @Test
    void searchBeforeIngestOrForBlankQueryFindsNothing() {
        assertThat(knowledgeBase.search("shipping", 3)).isEmpty();
        assertThat(TestDatabases.demoKnowledgeBase().search("  ", 3)).isEmpty();
    }

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
