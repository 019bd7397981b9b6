package io.throughline.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class NeighbourVoteTest {

    @Test
    void theClosestExampleOutweighsSeveralSlightlyFartherOnes() {
        double[] similarities = {0.90, 0.85, 0.85, 0.85};
        int[] labels = {0, 1, 1, 1};

        double[] vote = NeighbourVote.of(similarities, labels, 2);

        assertThat(vote[0]).isGreaterThan(vote[1]);
        assertThat(vote[0] + vote[1]).isCloseTo(1.0, offset(1e-9));
    }

    @Test
    void onlyTheTenNearestExamplesVote() {
        double[] similarities = new double[12];
        int[] labels = new int[12];
        for (int i = 0; i < 12; i++) {
            similarities[i] = i < 10 ? 0.8 : 0.79;
            labels[i] = i < 10 ? 0 : 1;
        }

        assertThat(NeighbourVote.of(similarities, labels, 2)[1]).isZero();
    }
}
