package io.throughline.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SoftmaxHeadTest {

    private static final SoftmaxHead.Settings SETTINGS = new SoftmaxHead.Settings(30, 0, 8, 0.5, 1e-4, 42);
    private static final int CLASSES = 3;
    private static final int DIMENSION = 6;

    @Test
    void learnsASmallSeparableSetAndGeneralisesToNewPoints() {
        Random random = new Random(1);
        List<SparseVector> features = new ArrayList<>();
        int[] labels = new int[60];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % CLASSES;
            features.add(point(labels[i], random));
        }

        SoftmaxHead head = SoftmaxHead.train(features, noPriors(labels.length), labels, CLASSES, DIMENSION, SETTINGS);

        for (int i = 0; i < 30; i++) {
            int label = i % CLASSES;
            double[] probabilities = head.probabilities(point(label, random), new double[CLASSES]);
            assertThat(argMax(probabilities)).isEqualTo(label);
            assertThat(probabilities[label]).isGreaterThan(0.8);
        }
    }

    @Test
    void aStrongerPenaltyKeepsTheProbabilitiesNearerUniform() {
        Random random = new Random(2);
        List<SparseVector> features = new ArrayList<>();
        int[] labels = new int[60];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % CLASSES;
            features.add(point(labels[i], random));
        }
        SoftmaxHead.Settings strong = new SoftmaxHead.Settings(30, 0, 8, 0.5, 0.5, 42);

        SoftmaxHead free = SoftmaxHead.train(features, noPriors(labels.length), labels, CLASSES, DIMENSION, SETTINGS);
        SoftmaxHead penalised = SoftmaxHead.train(features, noPriors(labels.length), labels, CLASSES, DIMENSION, strong);

        SparseVector probe = point(1, random);
        double penalisedTop = penalised.probabilities(probe, new double[CLASSES])[1];
        assertThat(penalisedTop).isLessThan(free.probabilities(probe, new double[CLASSES])[1]);
        assertThat(penalisedTop).isGreaterThan(1.0 / CLASSES);
    }

    @Test
    void learnsToOverruleAPriorThatIsWrong() {
        Random random = new Random(3);
        List<SparseVector> features = new ArrayList<>();
        List<double[]> priors = new ArrayList<>();
        int[] labels = new int[60];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % CLASSES;
            features.add(point(labels[i], random));
            priors.add(new double[] {2, 0, 0});
        }

        SoftmaxHead head = SoftmaxHead.train(features, priors, labels, CLASSES, DIMENSION, SETTINGS);

        assertThat(argMax(head.probabilities(point(2, random), new double[] {2, 0, 0}))).isEqualTo(2);
    }

    /** Class {@code label} lights up feature {@code label}; features 3 to 5 are noise shared by every class. */
    private static SparseVector point(int label, Random random) {
        int[] indices = {label, 3, 4, 5};
        float[] values = {1 + random.nextFloat(), random.nextFloat(), random.nextFloat(), random.nextFloat()};
        return new SparseVector(indices, values);
    }

    private static List<double[]> noPriors(int count) {
        List<double[]> priors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            priors.add(new double[CLASSES]);
        }
        return priors;
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }
}
