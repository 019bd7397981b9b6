package io.throughline.answer;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression over sparse features, trained by mini-batch gradient descent with L2 regularisation.
 * Each example may come with fixed prior logits (another classifier's opinion) that the head learns to correct; the
 * penalty then pulls towards that prior rather than towards uniform.
 * The weights are stored as {@code scale * raw}, so the decay that L2 applies to every weight after every batch is one
 * multiplication, and a batch costs only its non-zero features, not the whole vocabulary.
 */
public final class SoftmaxHead {

    /**
     * @param epochs       passes over the training set, more when that is fewer than {@code minSteps} batches
     * @param minSteps     gradient steps at least, so that a small training set is not left half learnt
     * @param batchSize    examples per gradient step
     * @param learningRate step size at the start; it falls linearly to a tenth of that by the last epoch
     * @param l2           strength of the L2 penalty on the weights (not on the biases)
     * @param seed         seed of the shuffle, so that a training run is reproducible
     */
    public record Settings(int epochs, int minSteps, int batchSize, double learningRate, double l2, long seed) {
    }

    private final int classes;
    private final float[] raw;
    private final float[] bias;
    private double scale = 1;

    private SoftmaxHead(int classes, int dimension) {
        this.classes = classes;
        this.raw = new float[classes * dimension];
        this.bias = new float[classes];
    }

    /**
     * Learns to predict {@code labels[i]} (in {@code [0, classes)}) from {@code features.get(i)}, added to
     * {@code priors.get(i)} (one logit per class).
     */
    public static SoftmaxHead train(List<SparseVector> features, List<double[]> priors, int[] labels, int classes,
            int dimension, Settings settings) {
        SoftmaxHead head = new SoftmaxHead(classes, dimension);
        int[] order = new int[features.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(settings.seed());
        double[][] gradients = new double[settings.batchSize()][classes];
        int batches = (order.length + settings.batchSize() - 1) / settings.batchSize();
        int epochs = Math.max(settings.epochs(), (settings.minSteps() + batches - 1) / batches);
        int steps = epochs * batches;
        int step = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int from = 0; from < order.length; from += settings.batchSize()) {
                int size = Math.min(settings.batchSize(), order.length - from);
                double rate = settings.learningRate() * (1 - 0.9 * step++ / steps);
                for (int b = 0; b < size; b++) {
                    int example = order[from + b];
                    head.probabilitiesInto(features.get(example), priors.get(example), gradients[b]);
                    gradients[b][labels[example]] -= 1;
                }
                head.step(features, order, from, size, gradients, rate / size, rate * settings.l2());
            }
        }
        return head;
    }

    /** The probability of each class for these features and prior logits. */
    public double[] probabilities(SparseVector features, double[] prior) {
        double[] result = new double[classes];
        probabilitiesInto(features, prior, result);
        return result;
    }

    private void probabilitiesInto(SparseVector features, double[] prior, double[] out) {
        Arrays.fill(out, 0);
        int[] indices = features.indices();
        float[] values = features.values();
        for (int k = 0; k < indices.length; k++) {
            int row = indices[k] * classes;
            float value = values[k];
            for (int c = 0; c < classes; c++) {
                out[c] += raw[row + c] * value;
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            out[c] = out[c] * scale + bias[c] + prior[c];
            max = Math.max(max, out[c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < classes; c++) {
            out[c] /= sum;
        }
    }

    private void step(List<SparseVector> features, int[] order, int from, int size, double[][] gradients, double rate,
            double decay) {
        scale *= 1 - decay;
        double rawRate = rate / scale;
        for (int b = 0; b < size; b++) {
            SparseVector x = features.get(order[from + b]);
            double[] gradient = gradients[b];
            int[] indices = x.indices();
            float[] values = x.values();
            for (int k = 0; k < indices.length; k++) {
                int row = indices[k] * classes;
                double value = values[k] * rawRate;
                for (int c = 0; c < classes; c++) {
                    raw[row + c] -= (float) (gradient[c] * value);
                }
            }
            for (int c = 0; c < classes; c++) {
                bias[c] -= (float) (gradient[c] * rate);
            }
        }
        if (scale < 1e-4) {
            for (int i = 0; i < raw.length; i++) {
                raw[i] *= (float) scale;
            }
            scale = 1;
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
