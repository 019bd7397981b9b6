package io.throughline.answer;

import java.util.List;

import io.throughline.knowledge.Embeddings;

/**
 * The nearest-centroid classifier as prior logits for the softmax head: {@code weight} times the cosine of a message to
 * each intent's centroid (the mean embedding of its examples). With a handful of examples per intent the centroid is
 * hard to beat, with hundreds the head is, so the weight fades as the examples grow: the prior counts as much as
 * {@value #EXAMPLES} examples per intent.
 */
final class CentroidPrior {

    static final int EXAMPLES = 10;

    private final float[][] centroids;
    private final double weight;

    CentroidPrior(int[] labels, List<float[]> vectors, int classes, double strength) {
        this.centroids = centroids(labels, vectors, classes);
        this.weight = strength * EXAMPLES / (EXAMPLES + (double) labels.length / classes);
    }

    double[] logits(float[] vector) {
        double[] logits = new double[centroids.length];
        for (int c = 0; c < centroids.length; c++) {
            logits[c] = weight * Embeddings.cosine(vector, centroids[c]);
        }
        return logits;
    }

    private static float[][] centroids(int[] labels, List<float[]> vectors, int classes) {
        float[][] sums = new float[classes][vectors.get(0).length];
        for (int i = 0; i < labels.length; i++) {
            for (int d = 0; d < sums[labels[i]].length; d++) {
                sums[labels[i]][d] += vectors.get(i)[d];
            }
        }
        for (float[] sum : sums) {
            double norm = Math.sqrt(Embeddings.cosine(sum, sum));
            for (int d = 0; d < sum.length; d++) {
                sum[d] = (float) (sum[d] / norm);
            }
        }
        return sums;
    }
}
