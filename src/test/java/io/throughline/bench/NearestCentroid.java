package io.throughline.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.throughline.answer.LabelledExample;
import io.throughline.knowledge.Embeddings;

/** The classifier before the trained head, kept as the benchmark's baseline: the intent whose mean embedding is closest. */
final class NearestCentroid {

    private final List<String> intents = new ArrayList<>();
    private final List<float[]> centroids = new ArrayList<>();

    NearestCentroid(List<LabelledExample> examples, List<float[]> vectors) {
        Map<String, float[]> sums = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            float[] sum = sums.computeIfAbsent(examples.get(i).intent(), intent -> new float[vectors.get(0).length]);
            float[] vector = vectors.get(i);
            for (int d = 0; d < sum.length; d++) {
                sum[d] += vector[d];
            }
        }
        sums.forEach((intent, sum) -> {
            double norm = Math.sqrt(Embeddings.cosine(sum, sum));
            for (int d = 0; d < sum.length; d++) {
                sum[d] = (float) (sum[d] / norm);
            }
            intents.add(intent);
            centroids.add(sum);
        });
    }

    String classify(float[] vector) {
        int best = 0;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < centroids.size(); i++) {
            double similarity = Embeddings.cosine(vector, centroids.get(i));
            if (similarity > bestSimilarity) {
                bestSimilarity = similarity;
                best = i;
            }
        }
        return intents.get(best);
    }
}
