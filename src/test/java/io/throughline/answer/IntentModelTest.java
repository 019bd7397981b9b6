package io.throughline.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;

import org.junit.jupiter.api.Test;

class IntentModelTest {

    private static final List<LabelledExample> EXAMPLES = List.of(
            new LabelledExample("where is my card", "card_arrival"),
            new LabelledExample("my card has not arrived", "card_arrival"),
            new LabelledExample("top up my account", "top_up"),
            new LabelledExample("add money by top up", "top_up"));
    private static final List<float[]> VECTORS = List.of(
            unit(1, 0.1f, 0), unit(1, 0, 0.1f), unit(0, 1, 0.1f), unit(0.1f, 1, 0));

    @Test
    void reportsTheClosestExampleOfTheIntentAndOfAll() {
        IntentModel model = IntentModel.train(EXAMPLES, VECTORS, IntentModel.Options.defaults());
        float[] query = unit(1, 0.2f, 0);

        IntentModel.Guess guess = model.predict("has my card arrived", query);

        assertThat(guess.intent()).isEqualTo("card_arrival");
        double closest = Math.max(dot(query, VECTORS.get(0)), dot(query, VECTORS.get(1)));
        assertThat(guess.similarity()).isCloseTo(closest, offset(1e-6));
        assertThat(guess.nearest()).isCloseTo(closest, offset(1e-6));
        assertThat(guess.probability()).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
    }

    @Test
    void theWordsDecideWhenTheEmbeddingSitsBetweenTwoIntents() {
        IntentModel.Options wordsOnly = new IntentModel.Options(true, 0, 0, 0, IntentModel.Options.defaults().head());
        IntentModel model = IntentModel.train(EXAMPLES, VECTORS, wordsOnly);
        float[] between = unit(1, 1, 0);

        assertThat(model.predict("top up please", between).intent()).isEqualTo("top_up");
        assertThat(model.predict("my card please", between).intent()).isEqualTo("card_arrival");
    }

    private static float[] unit(float x, float y, float z) {
        float norm = (float) Math.sqrt(x * x + y * y + z * z);
        return new float[] {x / norm, y / norm, z / norm};
    }

    private static double dot(float[] a, float[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
