package io.throughline.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * A softmax head trained on the frozen sentence embeddings of the labelled examples, optionally side by side with their
 * {@link LexicalFeatures}: one logistic regression over both, the embedding scaled by {@code embeddingWeight} (which
 * amounts to a weaker L2 penalty on that block than on the words).
 */
public final class IntentModel {

    /**
     * @param lexical         whether words and letter n-grams are features next to the embedding
     * @param embeddingWeight factor on the unit-length embedding; the lexical block has unit length
     * @param head            how the head is trained
     */
    public record Options(boolean lexical, float embeddingWeight, SoftmaxHead.Settings head) {

        /** Measured on BANKING77 (a part of its training set held out) and on the demo examples' leave-one-out. */
        public static Options defaults() {
            return new Options(true, 2, new SoftmaxHead.Settings(30, 16, 0.5, 1e-4, 42));
        }

        public Options withoutLexical() {
            return new Options(false, embeddingWeight, head);
        }
    }

    /**
     * The most likely intent.
     *
     * @param intent      the label
     * @param probability the head's probability of that label
     */
    public record Guess(String intent, double probability) {
    }

    private final List<String> intents;
    private final LexicalFeatures lexical;
    private final float embeddingWeight;
    private final SoftmaxHead head;

    private IntentModel(List<String> intents, LexicalFeatures lexical, float embeddingWeight, SoftmaxHead head) {
        this.intents = intents;
        this.lexical = lexical;
        this.embeddingWeight = embeddingWeight;
        this.head = head;
    }

    /** Trains on the examples and their embeddings ({@code vectors.get(i)} is the embedding of {@code examples.get(i)}). */
    public static IntentModel train(List<LabelledExample> examples, List<float[]> vectors, Options options) {
        List<String> intents = examples.stream().map(LabelledExample::intent).distinct().sorted().toList();
        int dimension = vectors.get(0).length;
        LexicalFeatures lexical = options.lexical()
                ? LexicalFeatures.fit(examples.stream().map(LabelledExample::text).toList(), dimension)
                : null;
        List<SparseVector> features = new ArrayList<>();
        int[] labels = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            features.add(features(examples.get(i).text(), vectors.get(i), lexical, options.embeddingWeight()));
            labels[i] = intents.indexOf(examples.get(i).intent());
        }
        int width = dimension + (lexical == null ? 0 : lexical.dimension());
        SoftmaxHead head = SoftmaxHead.train(features, labels, intents.size(), width, options.head());
        return new IntentModel(intents, lexical, options.embeddingWeight(), head);
    }

    public Guess predict(String text, float[] vector) {
        double[] probabilities = head.probabilities(features(text, vector, lexical, embeddingWeight));
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return new Guess(intents.get(best), probabilities[best]);
    }

    private static SparseVector features(String text, float[] vector, LexicalFeatures lexical, float embeddingWeight) {
        SparseVector embedding = SparseVector.dense(vector, embeddingWeight);
        return lexical == null ? embedding : embedding.concat(lexical.features(text));
    }
}
