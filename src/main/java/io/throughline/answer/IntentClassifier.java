package io.throughline.answer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.throughline.knowledge.Embeddings;
import io.throughline.knowledge.KnowledgeSettings;

/**
 * Classifies a message by the nearest intent centroid (the mean embedding of an intent's examples), which beat
 * k-nearest-neighbour voting in leave-one-out on the demo examples (90% against 79-82%: single examples that share words
 * like "grinder" across intents mislead a vote). Out of scope when even the closest single example is not similar enough.
 */
@Component
public class IntentClassifier {

    private static final Logger log = LoggerFactory.getLogger(IntentClassifier.class);

    private final Embeddings embeddings;
    private final IntentSettings settings;
    private final List<LabelledExample> examples;
    private final List<float[]> vectors;
    private final Map<String, float[]> centroids;

    @Autowired
    public IntentClassifier(KnowledgeSettings knowledge, Embeddings embeddings, IntentSettings settings) {
        this(IntentExamples.load(knowledge.dir().resolve("intents")), embeddings, settings);
        log.info("Intent classifier loaded {} examples of {} intents", examples.size(), centroids.size());
    }

    IntentClassifier(List<LabelledExample> examples, Embeddings embeddings, IntentSettings settings) {
        this(examples, embeddings.embedAll(examples.stream().map(LabelledExample::text).toList()), embeddings, settings);
    }

    IntentClassifier(List<LabelledExample> examples, List<float[]> vectors, Embeddings embeddings, IntentSettings settings) {
        this.examples = List.copyOf(examples);
        this.vectors = List.copyOf(vectors);
        this.embeddings = embeddings;
        this.settings = settings;
        this.centroids = centroids(this.examples, this.vectors);
    }

    public IntentPrediction classify(String text) {
        if (text == null || text.isBlank() || examples.isEmpty()) {
            return IntentPrediction.outOfScope(0);
        }
        float[] query = embeddings.embed(text);
        double closestExample = vectors.stream().mapToDouble(vector -> Embeddings.cosine(query, vector)).max().orElse(0);
        if (closestExample < settings.outOfScopeBelow()) {
            return IntentPrediction.outOfScope(clamp(closestExample));
        }
        String intent = centroids.entrySet().stream()
                .max(Map.Entry.comparingByValue((a, b) -> Double.compare(Embeddings.cosine(query, a), Embeddings.cosine(query, b))))
                .orElseThrow().getKey();
        return new IntentPrediction(intent, clamp(closestExampleOf(intent, query)), false);
    }

    private double closestExampleOf(String intent, float[] query) {
        double best = 0;
        for (int i = 0; i < examples.size(); i++) {
            if (examples.get(i).intent().equals(intent)) {
                best = Math.max(best, Embeddings.cosine(query, vectors.get(i)));
            }
        }
        return best;
    }

    private static Map<String, float[]> centroids(List<LabelledExample> examples, List<float[]> vectors) {
        Map<String, float[]> sums = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            float[] sum = sums.computeIfAbsent(examples.get(i).intent(), intent -> new float[vectors.get(0).length]);
            float[] vector = vectors.get(i);
            for (int d = 0; d < sum.length; d++) {
                sum[d] += vector[d];
            }
        }
        sums.values().forEach(IntentClassifier::normalise);
        return sums;
    }

    private static void normalise(float[] vector) {
        double norm = Math.sqrt(Embeddings.cosine(vector, vector));
        for (int d = 0; d < vector.length; d++) {
            vector[d] = (float) (vector[d] / norm);
        }
    }

    private static double clamp(double similarity) {
        return Math.max(0, Math.min(1, similarity));
    }
}
