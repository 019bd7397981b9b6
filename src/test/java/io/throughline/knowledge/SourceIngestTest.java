package io.throughline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/** Every source type end to end: written to the folder, ingested with real embeddings, found by search. */
class SourceIngestTest {

    @TempDir
    Path dir;

    private final JdbcClient jdbc = TestDatabases.freshH2();
    private final KnowledgeSources sources = new KnowledgeSources(jdbc);

    @Test
    void pdfDocxXlsxCsvAndTextAreIngestedAndFoundUnderTheRightSection() throws IOException {
        Map<String, Integer> bookmarks = new LinkedHashMap<>();
        bookmarks.put("Descaling", 0);
        bookmarks.put("Warranty", 1);
        Files.write(dir.resolve("manual.pdf"), TestDocuments.pdf("Espresso Machine Manual", List.of(
                List.of("Descaling", "Descale the boiler every two months with citric acid."),
                List.of("Warranty", "The machine has a three year warranty on the pump.")), bookmarks));
        Files.write(dir.resolve("sessions.docx"), TestDocuments.docx(List.of(
                new String[] {"Title", "Barista Sessions"},
                new String[] {"Heading1", "Latte art class"},
                new String[] {null, "Our latte art class teaches milk texturing and pouring a rosetta."}), List.of()));
        Files.write(dir.resolve("gift-faq.xlsx"), TestDocuments.xlsx(Map.of("FAQ", List.of(List.of("Question", "Answer"),
                List.of("Can I exchange a gift card for cash?", "No, gift cards cannot be exchanged for cash.")))));
        Files.writeString(dir.resolve("wholesale-faq.csv"),
                "q,a\nDo you supply offices?,\"Yes, we deliver beans to offices weekly.\"\n");
        Files.writeString(dir.resolve("roastery.txt"), "Our roastery in Utrecht offers public tours every Saturday.\n");
        KnowledgeBase knowledgeBase = knowledgeBase(SourceSettings.defaults());

        IngestReport report = knowledgeBase.ingest();

        assertThat(report).extracting(IngestReport::files, IngestReport::changed, IngestReport::failed, IngestReport::chunks)
                .containsExactly(5, 5, 0, 6);
        assertTopHit(knowledgeBase, "how often should I descale the boiler", "manual.pdf", "Espresso Machine Manual", "Descaling");
        assertTopHit(knowledgeBase, "how long is the pump warranty", "manual.pdf", "Espresso Machine Manual", "Warranty");
        assertTopHit(knowledgeBase, "learn latte art pouring", "sessions.docx", "Barista Sessions", "Latte art class");
        assertTopHit(knowledgeBase, "can I get money back for my gift card", "gift-faq.xlsx", "gift-faq",
                "Can I exchange a gift card for cash?");
        assertTopHit(knowledgeBase, "coffee delivery for my office", "wholesale-faq.csv", "wholesale-faq", "Do you supply offices?");
        assertTopHit(knowledgeBase, "can I visit the roastery", "roastery.txt", "roastery", null);
        assertThat(knowledgeBase.ingest().embedded()).as("unchanged binary files are not re-embedded").isZero();
    }

    @Test
    void badFilesAreReportedWithTheirReasonWhileTheRestIsIngested() throws IOException {
        Files.writeString(dir.resolve("shipping.md"), "# Shipping\n\n## Delivery\n\nStandard shipping takes 3-5 business days.\n");
        Files.write(dir.resolve("broken.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve("empty.md"), new byte[0]);
        Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(dir.resolve("big.txt"), "x".repeat(2048));
        Files.write(dir.resolve("scan.pdf"), TestDocuments.pdf("Scan", List.of(List.of()), Map.of()));
        KnowledgeBase knowledgeBase = knowledgeBase(new SourceSettings(DataSize.ofKilobytes(1)));

        IngestReport report = knowledgeBase.ingest();

        assertThat(report).extracting(IngestReport::files, IngestReport::changed, IngestReport::failed, IngestReport::chunks)
                .containsExactly(6, 1, 5, 1);
        assertThat(report.failures()).extracting(IngestFailure::path).containsExactly(
                "big.txt", "broken.pdf", "empty.md", "logo.png", "scan.pdf");
        assertThat(report.failures()).extracting(IngestFailure::reason).satisfiesExactly(
                big -> assertThat(big).isEqualTo("is 2048 bytes, over the limit of 1024 bytes (setting "
                        + "throughline.knowledge.max-file-size)"),
                broken -> assertThat(broken).startsWith("cannot be read as PDF"),
                empty -> assertThat(empty).isEqualTo("is empty"),
                png -> assertThat(png).startsWith("unsupported file type; the knowledge folder takes .md, .markdown"),
                scan -> assertThat(scan).startsWith("has no text to ingest"));
        assertThat(jdbc.sql("select path from knowledge_sources").query(String.class).list()).containsExactly("shipping.md");
        assertThat(knowledgeBase.status().failures()).isEqualTo(report.failures());
    }

    @Test
    void aFileFarOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        // sparse: 200 MB long without taking the disk space, and reading it would fill a 3 GB heap fast enough to notice
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("huge.pdf").toFile(), "rw")) {
            file.setLength(200L * 1024 * 1024);
        }
        Files.writeString(dir.resolve("returns.md"), "# Returns\n\nReturn within 30 days.\n");

        IngestReport report = knowledgeBase(SourceSettings.defaults()).ingest();

        assertThat(report.failures()).containsExactly(new IngestFailure("huge.pdf",
                "is 200.0 MB, over the limit of 20.0 MB (setting throughline.knowledge.max-file-size)"));
        assertThat(report.chunks()).isEqualTo(1);
    }

    @Test
    void aFileThatBecomesUnreadableLosesItsEarlierVersionInsteadOfAnsweringFromIt() throws IOException {
        Files.write(dir.resolve("manual.pdf"), TestDocuments.pdf("Manual", List.of(List.of("Descale every two months.")),
                Map.of()));
        KnowledgeBase knowledgeBase = knowledgeBase(SourceSettings.defaults());
        assertThat(knowledgeBase.ingest().chunks()).isEqualTo(1);

        Files.write(dir.resolve("manual.pdf"), "%PDF-1.4 truncated".getBytes(StandardCharsets.US_ASCII));
        IngestReport report = knowledgeBase.ingest();

        assertThat(report).extracting(IngestReport::failed, IngestReport::removed, IngestReport::chunks)
                .containsExactly(1, 1, 0);
        assertThat(knowledgeBase.search("descale", 5)).isEmpty();
        assertThat(knowledgeBase.sources()).isEmpty();
    }

    @Test
    void theStatusSaysRunningWithCountsWhileIngestingAndIdleWithTotalsAfter() throws IOException {
        Files.writeString(dir.resolve("a.md"), "# A\n\nAlpha text.\n");
        Files.writeString(dir.resolve("b.md"), "# B\n\nBeta text.\n");
        Files.writeString(dir.resolve("c.exe"), "MZ");
        List<IngestStatus> seen = new ArrayList<>();
        KnowledgeBase[] holder = new KnowledgeBase[1];
        KnowledgeSources watching = new KnowledgeSources(jdbc) {
            @Override
            void replace(String path, String title, String hash, List<Chunk> chunks, List<float[]> vectors) {
                seen.add(holder[0].status());
                super.replace(path, title, hash, chunks, vectors);
            }
        };
        holder[0] = new KnowledgeBase(KnowledgeSettings.of(dir), SourceSettings.defaults(), SharedEmbeddings.get(), watching);
        assertThat(holder[0].status()).extracting(IngestStatus::state, IngestStatus::started).containsExactly("idle", null);

        holder[0].ingest();

        assertThat(seen).extracting(IngestStatus::state, IngestStatus::filesDone, IngestStatus::filesTotal,
                IngestStatus::chunks).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("running", 0, 3, 0),
                        org.assertj.core.groups.Tuple.tuple("running", 1, 3, 1));
        IngestStatus after = holder[0].status();
        assertThat(after).extracting(IngestStatus::state, IngestStatus::filesDone, IngestStatus::filesTotal,
                IngestStatus::chunks).containsExactly("idle", 3, 3, 2);
        assertThat(after.started()).isNotNull().isBeforeOrEqualTo(after.finished());
        assertThat(after.failures()).extracting(IngestFailure::path).containsExactly("c.exe");
    }

    @Test
    void summariesListEachSourceWithItsChunkCountAndIngestTime() throws IOException {
        Files.writeString(dir.resolve("shipping.md"), "# Shipping\n\n## Delivery\n\nThree days.\n\n## Costs\n\nFree over 40 EUR.\n");
        Files.writeString(dir.resolve("about.txt"), "We roast in Utrecht.\n");
        KnowledgeBase knowledgeBase = knowledgeBase(SourceSettings.defaults());
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);

        knowledgeBase.ingest();

        assertThat(knowledgeBase.summaries()).extracting(SourceSummary::path, SourceSummary::title, SourceSummary::chunks)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("about.txt", "about", 1),
                        org.assertj.core.groups.Tuple.tuple("shipping.md", "Shipping", 2));
        assertThat(knowledgeBase.summaries()).allSatisfy(summary -> assertThat(summary.ingestedAt()).isAfter(before));
    }

    private KnowledgeBase knowledgeBase(SourceSettings limits) {
        return new KnowledgeBase(KnowledgeSettings.of(dir), limits, SharedEmbeddings.get(), sources);
    }

    private static void assertTopHit(KnowledgeBase knowledgeBase, String query, String source, String title, String section) {
        Passage top = knowledgeBase.search(query, 1).get(0);
        assertThat(top).as(query).extracting(Passage::source, Passage::title, Passage::section)
                .containsExactly(source, title, section);
    }
}
