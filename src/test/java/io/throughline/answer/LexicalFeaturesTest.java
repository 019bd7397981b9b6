package io.throughline.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;

import org.junit.jupiter.api.Test;

class LexicalFeaturesTest {

    private final LexicalFeatures features = LexicalFeatures.fit(
            List.of("I want a refund", "Top up my card", "What is the exchange rate?"), 384);

    @Test
    void vectorsHaveUnitLengthAndStartAfterTheOffset() {
        SparseVector vector = features.features("I want a refund for my card");

        double norm = 0;
        for (float value : vector.values()) {
            norm += value * value;
        }
        assertThat(norm).isCloseTo(1.0, offset(1e-5));
        assertThat(vector.indices()).isSorted().isNotEmpty();
        assertThat(vector.indices()[0]).isGreaterThanOrEqualTo(384);
        assertThat(vector.indices()[vector.indices().length - 1]).isLessThan(384 + features.dimension());
    }

    @Test
    void aTypoStillSharesLetterPiecesWithTheWordItMisspells() {
        assertThat(dot(features.features("refnd"), features.features("refund"))).isGreaterThan(0.2);
        assertThat(dot(features.features("refnd"), features.features("exchange rate"))).isZero();
    }

    @Test
    void wordsNeverSeenInTrainingAddNothing() {
        assertThat(features.features("zzz qqq").indices()).isEmpty();
    }

    private static double dot(SparseVector a, SparseVector b) {
        double dot = 0;
        for (int i = 0; i < a.indices().length; i++) {
            for (int j = 0; j < b.indices().length; j++) {
                dot += a.indices()[i] == b.indices()[j] ? a.values()[i] * b.values()[j] : 0;
            }
        }
        return dot;
    }
}
