package io.throughline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The on-disk index is derived from the rows: reused when it matches them, rebuilt when it is missing or stale. */
class KnowledgeIndexTest {

    @TempDir
    Path knowledge;

    @TempDir
    Path index;

    private final JdbcClient jdbc = TestDatabases.freshH2();

    @BeforeEach
    void twoSources() throws IOException {
        Files.writeString(knowledge.resolve("shipping.md"), "# Shipping\n\n## Delivery\n\nStandard shipping takes 3-5 business days.\n");
        Files.writeString(knowledge.resolve("gift-cards.md"), "# Gift cards\n\n## Validity\n\nGift cards are valid for 2 years.\n");
    }

    @Test
    void anUpToDateIndexIsReusedAtTheNextStart() throws IOException {
        try (KnowledgeBase first = node()) {
            first.ingest();
        }
        long generation = commitGeneration();

        try (KnowledgeBase restarted = node()) {
            assertThat(restarted.search("how long does delivery take", 1)).extracting(Passage::source)
                    .as("searchable from the stored index before any ingestion").containsExactly("shipping.md");
            assertThat(restarted.ingest()).extracting(IngestReport::embedded, IngestReport::chunks).containsExactly(0, 2);
        }
        assertThat(commitGeneration()).as("no rebuild").isEqualTo(generation);
    }

    @Test
    void aDeletedIndexIsRebuiltFromTheRows() throws IOException {
        try (KnowledgeBase first = node()) {
            first.ingest();
        }
        deleteIndex();

        try (KnowledgeBase restarted = node()) {
            assertThat(restarted.search("gift card validity", 1)).as("nothing indexed yet").isEmpty();
            assertThat(restarted.ingest()).extracting(IngestReport::embedded, IngestReport::chunks).containsExactly(0, 2);
            assertThat(restarted.search("how long is a gift card valid", 1)).extracting(Passage::source)
                    .containsExactly("gift-cards.md");
        }
    }

    @Test
    void anIndexOlderThanTheRowsIsRebuiltAndARemovedSourceDisappears() throws IOException {
        try (KnowledgeBase first = node()) {
            first.ingest();
            assertThat(first.search("gift cards valid years", 5)).extracting(Passage::source).contains("gift-cards.md");
        }
        // while this node is down, another node (with its own index) ingests a changed folder into the shared database
        Files.delete(knowledge.resolve("gift-cards.md"));
        Files.writeString(knowledge.resolve("returns.md"), "# Returns\n\n## Window\n\nReturn within 30 days.\n");
        new KnowledgeBase(KnowledgeSettings.of(knowledge), SharedEmbeddings.get(), new KnowledgeSources(jdbc)).ingest();

        try (KnowledgeBase restarted = node()) {
            restarted.ingest();
            assertThat(restarted.search("gift cards valid years", 5)).extracting(Passage::source)
                    .containsExactlyInAnyOrder("shipping.md", "returns.md");
            assertThat(restarted.search("how many days to return an item", 1)).extracting(Passage::source)
                    .containsExactly("returns.md");
        }
    }

    @Test
    void anUnreadableIndexIsReplaced() throws IOException {
        try (KnowledgeBase first = node()) {
            first.ingest();
        }
        try (Stream<Path> files = Files.list(index)) {
            for (Path file : files.filter(file -> file.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(file, new byte[] {1, 2, 3});
            }
        }

        try (KnowledgeBase restarted = node()) {
            assertThat(restarted.ingest().chunks()).isEqualTo(2);
        }

        try (KnowledgeBase again = node()) {
            assertThat(again.search("how long does delivery take", 1)).extracting(Passage::source)
                    .as("the replacement was written to disk").containsExactly("shipping.md");
        }
    }

    private KnowledgeBase node() {
        return new KnowledgeBase(KnowledgeSettings.of(knowledge, index), SharedEmbeddings.get(), new KnowledgeSources(jdbc));
    }

    private long commitGeneration() throws IOException {
        try (FSDirectory directory = FSDirectory.open(index)) {
            return SegmentInfos.getLastCommitGeneration(directory);
        }
    }

    private void deleteIndex() throws IOException {
        try (Stream<Path> files = Files.walk(index)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        assertThat(index).doesNotExist();
    }
}
