package io.throughline.eval.business;

import java.util.List;

import io.throughline.knowledge.Embeddings;

/**
 * The baseline every change is judged against: all-MiniLM-L6-v2 cosine between the question and each chunk, the best
 * chunk's source as the answer when its cosine reaches one threshold, "I don't know" otherwise.
 */
final class BareCosineSearch {

    record Hit(String source, double cosine) {
    }

    private final List<String> sources;
    private final List<float[]> vectors;

    BareCosineSearch(List<String> sources, List<float[]> vectors) {
        this.sources = sources;
        this.vectors = vectors;
    }

    Hit best(float[] question) {
        int best = -1;
        double bestCosine = -1;
        for (int i = 0; i < vectors.size(); i++) {
            double cosine = Embeddings.cosine(question, vectors.get(i));
            if (cosine > bestCosine) {
                bestCosine = cosine;
                best = i;
            }
        }
        return best < 0 ? new Hit(null, 0) : new Hit(sources.get(best), bestCosine);
    }
}
