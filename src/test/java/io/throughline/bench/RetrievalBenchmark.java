package io.throughline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.throughline.knowledge.BenchmarkIndex;
import io.throughline.knowledge.Embeddings;

/**
 * Retrieval at 10k and 100k chunks: index build time, then p50/p99 of 200 searches (BM25 + HNSW + fusion + stored fields
 * + the passage score), with the query's embedding timed separately because it does not depend on the corpus size.
 *
 * <p>The corpora are synthetic: each chunk's text is 2-5 sentences sampled from the demo knowledge base under a heading
 * and title sampled from it. Embedding 100k texts at several ms each would take many minutes on 2 cores, so only the first
 * {@value #EMBEDDED} chunks are embedded for real; every other chunk gets one of those vectors perturbed by Gaussian noise
 * and renormalised (cosine about 0.9 to its origin). The vectors are then clustered like real ones, which is what HNSW's
 * cost depends on; that a derived chunk's vector does not describe its own text does not change the work done.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
 * java -cp target/test-classes:target/classes:$(cat target/bench.classpath) io.throughline.bench.RetrievalBenchmark [sizes...]
 * </pre>
 */
public final class RetrievalBenchmark {

    private static final int EMBEDDED = 2_000;
    private static final int QUERIES = 200;
    private static final int WARM_UP = 50;
    private static final int LIMIT = 8;
    private static final double NOISE = 0.025;

    private RetrievalBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000}
                : Stream.of(args).mapToInt(Integer::parseInt).toArray();
        int largest = Stream.of(sizes).flatMapToInt(java.util.Arrays::stream).max().orElseThrow();
        Random random = new Random(42);
        Knowledge knowledge = Knowledge.read(Path.of("knowledge"));
        Embeddings embeddings = new Embeddings();
        System.out.printf("demo knowledge: %d sentences, %d headings; %d cores, max heap %d MB%n",
                knowledge.sentences.size(), knowledge.headings.size(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        List<BenchmarkIndex.Chunk> corpus = corpus(knowledge, embeddings, largest, random);

        List<String> queries = queries(knowledge, random);
        Latencies embedding = new Latencies();
        List<float[]> queryVectors = new ArrayList<>();
        for (String query : queries) {
            long start = System.nanoTime();
            queryVectors.add(embeddings.embed(query));
            embedding.record(start);
        }
        System.out.printf("query embedding (all-MiniLM-L6-v2, in-process): p50 %.2f ms, p99 %.2f ms over %d queries%n",
                embedding.percentileMillis(50), embedding.percentileMillis(99), embedding.count());

        for (int size : sizes) {
            run(corpus.subList(0, size), queries, queryVectors);
        }
    }

    private static void run(List<BenchmarkIndex.Chunk> chunks, List<String> queries, List<float[]> queryVectors)
            throws IOException {
        Path folder = Files.createTempDirectory("retrieval-bench");
        try (BenchmarkIndex index = BenchmarkIndex.onDisk(folder)) {
            long start = System.nanoTime();
            index.rebuild(chunks);
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            for (int i = 0; i < WARM_UP; i++) {
                index.search(queries.get(i), queryVectors.get(i), LIMIT);
            }
            Latencies retrieval = new Latencies();
            for (int i = 0; i < queries.size(); i++) {
                long searchStart = System.nanoTime();
                index.search(queries.get(i), queryVectors.get(i), LIMIT);
                retrieval.record(searchStart);
            }
            System.out.printf("%,7d chunks: index built in %.1f s (%.0f chunks/s, %d segments, %.0f MB on disk); "
                            + "retrieval p50 %.2f ms, p99 %.2f ms, mean %.2f ms over %d queries (top %d, query embedding excluded)%n",
                    index.size(), buildSeconds, chunks.size() / buildSeconds, index.segments(), megabytes(folder),
                    retrieval.percentileMillis(50), retrieval.percentileMillis(99), retrieval.meanMillis(),
                    retrieval.count(), LIMIT);
        } finally {
            delete(folder);
        }
    }

    private static List<BenchmarkIndex.Chunk> corpus(Knowledge knowledge, Embeddings embeddings, int size, Random random) {
        List<BenchmarkIndex.Chunk> chunks = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String title = knowledge.titles.get(random.nextInt(knowledge.titles.size()));
            String section = knowledge.headings.get(random.nextInt(knowledge.headings.size()));
            StringBuilder text = new StringBuilder();
            for (int s = 2 + random.nextInt(4); s > 0; s--) {
                text.append(text.length() == 0 ? "" : " ").append(knowledge.sentences.get(random.nextInt(knowledge.sentences.size())));
            }
            chunks.add(new BenchmarkIndex.Chunk(title, "synthetic/" + (i / 20) + ".md", section, text.toString(), null));
        }
        int embedded = Math.min(EMBEDDED, size);
        long start = System.nanoTime();
        List<float[]> real = new ArrayList<>();
        for (int from = 0; from < embedded; from += 64) {
            real.addAll(embeddings.embedAll(chunks.subList(from, Math.min(embedded, from + 64)).stream()
                    .map(chunk -> chunk.title() + " - " + chunk.section() + "\n" + chunk.text()).toList()));
        }
        double millis = (System.nanoTime() - start) / 1e6;
        System.out.printf("embedded %d synthetic chunks for real in %.1f s (%.1f ms each); the other %d get perturbed copies%n",
                embedded, millis / 1000, millis / embedded, size - embedded);
        List<BenchmarkIndex.Chunk> withVectors = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            float[] vector = i < embedded ? real.get(i) : perturbed(real.get(random.nextInt(embedded)), random);
            BenchmarkIndex.Chunk chunk = chunks.get(i);
            withVectors.add(new BenchmarkIndex.Chunk(chunk.title(), chunk.source(), chunk.section(), chunk.text(), vector));
        }
        return withVectors;
    }

    private static float[] perturbed(float[] origin, Random random) {
        float[] vector = new float[origin.length];
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) (origin[i] + NOISE * random.nextGaussian());
            norm += vector[i] * vector[i];
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) (vector[i] / Math.sqrt(norm));
        }
        return vector;
    }

    /** The eval's questions, then the start of random knowledge sentences, until there are enough distinct queries. */
    private static List<String> queries(Knowledge knowledge, Random random) throws IOException {
        List<String> queries = new ArrayList<>();
        for (String resource : List.of("/eval/questions.csv", "/eval/holdout.csv")) {
            try (InputStream in = RetrievalBenchmark.class.getResourceAsStream(resource)) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                        .map(line -> line.startsWith("\"") ? line.substring(1, line.indexOf('"', 1)) : line.split(",")[0])
                        .filter(query -> !query.isBlank() && !queries.contains(query))
                        .forEach(queries::add);
            }
        }
        while (queries.size() < QUERIES) {
            String[] words = knowledge.sentences.get(random.nextInt(knowledge.sentences.size())).split("\\s+");
            String query = String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 4 + random.nextInt(5))))
                    .replaceAll("\\bnull\\b", "").trim();
            if (!queries.contains(query)) {
                queries.add(query);
            }
        }
        return queries.subList(0, QUERIES);
    }

    private static double megabytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(file -> file.toFile().length()).sum() / 1e6;
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Titles, headings and sentences of the demo knowledge base's Markdown files. */
    private record Knowledge(List<String> titles, List<String> headings, List<String> sentences) {

        static Knowledge read(Path folder) throws IOException {
            List<String> titles = new ArrayList<>();
            List<String> headings = new ArrayList<>();
            List<String> sentences = new ArrayList<>();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(file -> file.toString().endsWith(".md")).sorted().toList()) {
                    for (String line : Files.readAllLines(file)) {
                        String trimmed = line.trim();
                        if (trimmed.startsWith("# ")) {
                            titles.add(trimmed.substring(2));
                        } else if (trimmed.startsWith("#")) {
                            headings.add(trimmed.replaceFirst("^#+\\s*", ""));
                        } else if (!trimmed.isEmpty()) {
                            for (String sentence : trimmed.replaceFirst("^([-*]|\\d+\\.)\\s+", "").split("(?<=[.!?])\\s+")) {
                                if (sentence.length() > 20) {
                                    sentences.add(sentence);
                                }
                            }
                        }
                    }
                }
            }
            return new Knowledge(titles, headings, sentences);
        }
    }
}
