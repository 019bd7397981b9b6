package io.throughline.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class CentroidPriorTest {

    private static final float[] FIRST = {1, 0};
    private static final float[] SECOND = {0, 1};

    @Test
    void favoursTheIntentWhoseExamplesAreClosest() {
        CentroidPrior prior = new CentroidPrior(new int[] {0, 1}, List.of(FIRST, SECOND), 2, 40);

        double[] logits = prior.logits(new float[] {0.8f, 0.6f});

        assertThat(logits[0]).isGreaterThan(logits[1]);
    }

    @Test
    void fadesAsTheExamplesPerIntentGrow() {
        CentroidPrior few = prior(10);
        CentroidPrior many = prior(130);

        double fewGap = gap(few.logits(FIRST));
        double manyGap = gap(many.logits(FIRST));
        assertThat(fewGap).isCloseTo(20, offset(1e-5));
        assertThat(manyGap).isLessThan(fewGap / 5);
    }

    private static CentroidPrior prior(int perIntent) {
        int[] labels = new int[2 * perIntent];
        for (int i = perIntent; i < labels.length; i++) {
            labels[i] = 1;
        }
        List<float[]> vectors = new ArrayList<>(Collections.nCopies(perIntent, FIRST));
        vectors.addAll(Collections.nCopies(perIntent, SECOND));
        return new CentroidPrior(labels, vectors, 2, 40);
    }

    private static double gap(double[] logits) {
        return logits[0] - logits[1];
    }
}
