package io.throughline.bench;

import io.throughline.answer.CalibrationSettings;
import io.throughline.answer.ConfidenceCalibrations;
import io.throughline.knowledge.BenchmarkIndex;
import io.throughline.knowledge.Embeddings;
import io.throughline.knowledge.IngestReport;
import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.KnowledgeSettings;
import io.throughline.knowledge.KnowledgeSources;
import io.throughline.knowledge.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Ingest throughput next to the bare embedding loop, in one run: how much parsing, chunking, storing rows and building
 * the Lucene index add to the cost that cannot be avoided (the in-process all-MiniLM-L6-v2 embedding every chunk).
 *
 * <p>The corpus is N Markdown articles (default 300) written from the demo knowledge base's sentences, shuffled, so no
 * two chunks share a text and no embedding comes from a cache. First the whole folder is ingested into a fresh database
 * and index (the app's own {@link KnowledgeBase#ingest}), with a fresh embedding model; then the very strings that
 * ingestion embedded are embedded again by another fresh model, in the same batches of one article at a time. Both
 * report chunks per second; their ratio is what ingestion keeps of the model's speed. The answer confidence's
 * calibration on the ingested content is timed on its own (at most 300 headings are asked, whatever the size).
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
 * java -cp target/test-classes:target/classes:$(cat target/bench.classpath) io.throughline.bench.IngestBenchmark [ARTICLES]
 * </pre>
 */
public final class IngestBenchmark {

    private static final int SECTIONS_PER_ARTICLE = 4;

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        List<String> sentences = demoSentences(Path.of("knowledge"));
        Path folder = Files.createTempDirectory("ingest-bench");
        Path index = Files.createTempDirectory("ingest-bench-index");
        writeCorpus(folder, articles, sentences, new Random(7));
        System.out.printf("corpus: %d Markdown articles from %d demo sentences; %d cores, max heap %d MB%n",
                articles, sentences.size(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        // warm both models' native code on texts outside the corpus, so neither side pays for the first call
        Embeddings ingestModel = new Embeddings();
        Embeddings bareModel = new Embeddings();
        ingestModel.embedAll(List.of("warm-up one", "warm-up two"));
        bareModel.embedAll(List.of("warm-up three", "warm-up four"));

        KnowledgeSources sources = new KnowledgeSources(TestDatabases.freshH2());
        IngestReport report;
        double ingestSeconds;
        double calibrationSeconds;
        long start = System.nanoTime();
        try (KnowledgeBase knowledgeBase = new KnowledgeBase(KnowledgeSettings.of(folder, index), ingestModel, sources)) {
            report = knowledgeBase.ingest();
            ingestSeconds = (System.nanoTime() - start) / 1e9;
            // what a change of content costs on top: the answer confidence calibrated on it (see ConfidenceCalibrator)
            long calibrating = System.nanoTime();
            var calibration = ConfidenceCalibrations.inMemory(knowledgeBase, CalibrationSettings.defaults(), null).current();
            calibrationSeconds = (System.nanoTime() - calibrating) / 1e9;
            System.out.printf("calibration on %d headings (%d probes): %.1f s; %s%n", knowledgeBase.headings().size(),
                    calibration.probes(), calibrationSeconds, calibration.summary());
        }

        List<String> texts = BenchmarkIndex.embeddedTexts(sources);
        int batch = Math.max(1, texts.size() / articles);
        start = System.nanoTime();
        for (int from = 0; from < texts.size(); from += batch) {
            bareModel.embedAll(texts.subList(from, Math.min(texts.size(), from + batch)));
        }
        double bareSeconds = (System.nanoTime() - start) / 1e9;

        double ingestRate = report.chunks() / ingestSeconds;
        double bareRate = texts.size() / bareSeconds;
        System.out.printf("ingest (parse, chunk, embed, store rows, build index): %d files, %d chunks in %.1f s = %.1f chunks/s%n",
                report.files(), report.chunks(), ingestSeconds, ingestRate);
        System.out.printf("bare embedding loop (same %d texts, batches of %d):            %.1f s = %.1f chunks/s%n",
                texts.size(), batch, bareSeconds, bareRate);
        System.out.printf("ingest keeps %.0f%% of the bare model's rate%n", 100 * ingestRate / bareRate);
    }

    private static void writeCorpus(Path folder, int articles, List<String> sentences, Random random) throws IOException {
        List<String> pool = new ArrayList<>(sentences);
        for (int a = 0; a < articles; a++) {
            Collections.shuffle(pool, random);
            StringBuilder text = new StringBuilder("# Article " + a + "\n\n");
            int next = 0;
            for (int s = 0; s < SECTIONS_PER_ARTICLE; s++) {
                text.append("## Section ").append(a).append('.').append(s).append("\n\n");
                int count = 3 + random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    text.append(pool.get(next++ % pool.size())).append(' ');
                }
                // a sentence of its own per section, so no two chunks are the same text
                text.append("Reference ").append(a).append('-').append(s).append(" applies.\n\n");
            }
            Files.writeString(folder.resolve("article-" + a + ".md"), text);
        }
    }

    private static List<String> demoSentences(Path folder) throws IOException {
        List<String> sentences = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    String trimmed = line.strip();
                    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                        continue;
                    }
                    for (String sentence : trimmed.replaceFirst("^([-*]|\\d+\\.)\\s+", "").split("(?<=[.!?])\\s+")) {
                        if (sentence.length() > 20) {
                            sentences.add(sentence);
                        }
                    }
                }
            }
        }
        return sentences;
    }
}
