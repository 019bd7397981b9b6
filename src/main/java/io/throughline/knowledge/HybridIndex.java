package io.throughline.knowledge;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * In-memory retrieval over all chunks: cosine similarity of the embeddings mixed with an idf-weighted share of the
 * query's words found in the chunk (title and heading included). Both halves lie in [0,1], so the mix does too.
 * Kept behind this one class so a Lucene index can take its place.
 */
final class HybridIndex {

    private final List<IndexedChunk> chunks;
    private final List<Set<String>> chunkTerms;
    private final Map<String, Double> idf = new HashMap<>();
    private final double semanticWeight;

    HybridIndex(List<IndexedChunk> chunks, double semanticWeight) {
        this.chunks = List.copyOf(chunks);
        this.semanticWeight = semanticWeight;
        this.chunkTerms = chunks.stream()
                .map(chunk -> Terms.of(chunk.title() + " " + (chunk.section() == null ? "" : chunk.section()) + " " + chunk.text()))
                .toList();
        Map<String, Integer> documentFrequency = new HashMap<>();
        chunkTerms.forEach(terms -> terms.forEach(term -> documentFrequency.merge(term, 1, Integer::sum)));
        documentFrequency.forEach((term, df) -> idf.put(term, Math.log(1 + (double) chunks.size() / df)));
    }

    static HybridIndex empty() {
        return new HybridIndex(List.of(), 1);
    }

    int size() {
        return chunks.size();
    }

    List<Passage> search(String query, float[] queryVector, int limit) {
        Set<String> queryTerms = Terms.of(query);
        return IntStream.range(0, chunks.size())
                .mapToObj(i -> passage(chunks.get(i), score(queryVector, queryTerms, i)))
                .sorted(Comparator.comparingDouble(Passage::score).reversed())
                .limit(limit)
                .toList();
    }

    private double score(float[] queryVector, Set<String> queryTerms, int i) {
        double semantic = Math.max(0, Embeddings.cosine(queryVector, chunks.get(i).vector()));
        return semanticWeight * semantic + (1 - semanticWeight) * lexical(queryTerms, chunkTerms.get(i));
    }

    private double lexical(Set<String> queryTerms, Set<String> terms) {
        // unknown words get the highest idf: a query full of words the knowledge never uses should not match well
        double maxIdf = Math.log(1 + (double) Math.max(1, chunks.size()));
        double total = 0;
        double found = 0;
        for (String term : queryTerms) {
            double weight = idf.getOrDefault(term, maxIdf);
            total += weight;
            if (terms.contains(term)) {
                found += weight;
            }
        }
        return total == 0 ? 0 : found / total;
    }

    private static Passage passage(IndexedChunk chunk, double score) {
        return new Passage(chunk.title(), chunk.source(), chunk.section(), chunk.text(), Math.min(1, score));
    }
}
