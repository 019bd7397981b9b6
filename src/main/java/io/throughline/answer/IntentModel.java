package io.throughline.answer;

import java.util.ArrayList;
import java.util.List;

import io.throughline.knowledge.Embeddings;

/**
 * A softmax head trained on the frozen sentence embeddings of the labelled examples, side by side with their
 * {@link LexicalFeatures}: one logistic regression over both, the embedding scaled by {@code embeddingWeight} (which
 * amounts to a weaker L2 penalty on that block than on the words). The head starts from a {@link CentroidPrior} and
 * learns what to correct; its probabilities are then blended with a {@link NeighbourVote}. The similarities to every
 * example that the vote needs are the ones the out-of-scope gate and the score need too.
 */
public final class IntentModel {

    /**
     * @param lexical         whether words and letter n-grams are features next to the embedding
     * @param embeddingWeight factor on the unit-length embedding; the lexical block has unit length
     * @param centroidPrior   strength of the {@link CentroidPrior} with no examples (it fades as they grow); 0 for none
     * @param neighbourVote   share of the {@link NeighbourVote} in the final probabilities; 0 for the head alone
     * @param head            how the head is trained
     */
    public record Options(boolean lexical, float embeddingWeight, double centroidPrior, double neighbourVote,
            SoftmaxHead.Settings head) {

        /**
         * Chosen on a held-out tenth of BANKING77's training set (full and 10 per intent) and on the demo examples'
         * leave-one-out, never on BANKING77's test set.
         */
        public static Options defaults() {
            return new Options(true, 2, 40, 0.2, new SoftmaxHead.Settings(30, 800, 16, 0.5, 1e-4, 42));
        }

        public Options withoutLexical() {
            return new Options(false, embeddingWeight, centroidPrior, neighbourVote, head);
        }

        public Options withoutCentroidPrior() {
            return new Options(lexical, embeddingWeight, 0, neighbourVote, head);
        }

        public Options withoutNeighbourVote() {
            return new Options(lexical, embeddingWeight, centroidPrior, 0, head);
        }
    }

    /**
     * The most likely intent.
     *
     * @param intent      the label
     * @param probability the probability of that label
     * @param similarity  cosine of the message to the closest example of that intent
     * @param nearest     cosine of the message to the closest example of any intent
     */
    public record Guess(String intent, double probability, double similarity, double nearest) {
    }

    private final List<String> intents;
    private final int[] labels;
    private final List<float[]> vectors;
    private final CentroidPrior prior;
    private final LexicalFeatures lexical;
    private final Options options;
    private final SoftmaxHead head;

    private IntentModel(List<String> intents, int[] labels, List<float[]> vectors, CentroidPrior prior,
            LexicalFeatures lexical, Options options, SoftmaxHead head) {
        this.intents = intents;
        this.labels = labels;
        this.vectors = vectors;
        this.prior = prior;
        this.lexical = lexical;
        this.options = options;
        this.head = head;
    }

    /** Trains on the examples and their embeddings ({@code vectors.get(i)} is the embedding of {@code examples.get(i)}). */
    public static IntentModel train(List<LabelledExample> examples, List<float[]> vectors, Options options) {
        List<String> intents = examples.stream().map(LabelledExample::intent).distinct().sorted().toList();
        int[] labels = examples.stream().mapToInt(example -> intents.indexOf(example.intent())).toArray();
        int dimension = vectors.get(0).length;
        CentroidPrior prior = new CentroidPrior(labels, vectors, intents.size(), options.centroidPrior());
        LexicalFeatures lexical = options.lexical()
                ? LexicalFeatures.fit(examples.stream().map(LabelledExample::text).toList(), dimension)
                : null;
        List<SparseVector> features = new ArrayList<>();
        List<double[]> priors = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            features.add(features(examples.get(i).text(), vectors.get(i), lexical, options.embeddingWeight()));
            priors.add(prior.logits(vectors.get(i)));
        }
        int width = dimension + (lexical == null ? 0 : lexical.dimension());
        SoftmaxHead head = SoftmaxHead.train(features, priors, labels, intents.size(), width, options.head());
        return new IntentModel(intents, labels, List.copyOf(vectors), prior, lexical, options, head);
    }

    public Guess predict(String text, float[] vector) {
        double[] similarities = new double[vectors.size()];
        for (int i = 0; i < similarities.length; i++) {
            similarities[i] = Embeddings.cosine(vector, vectors.get(i));
        }
        double[] probabilities = head.probabilities(features(text, vector, lexical, options.embeddingWeight()),
                prior.logits(vector));
        if (options.neighbourVote() > 0) {
            double[] vote = NeighbourVote.of(similarities, labels, intents.size());
            for (int c = 0; c < probabilities.length; c++) {
                probabilities[c] = (1 - options.neighbourVote()) * probabilities[c] + options.neighbourVote() * vote[c];
            }
        }
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            best = probabilities[c] > probabilities[best] ? c : best;
        }
        double similarity = -1;
        double nearest = -1;
        for (int i = 0; i < similarities.length; i++) {
            nearest = Math.max(nearest, similarities[i]);
            similarity = labels[i] == best ? Math.max(similarity, similarities[i]) : similarity;
        }
        return new Guess(intents.get(best), probabilities[best], similarity, nearest);
    }

    private static SparseVector features(String text, float[] vector, LexicalFeatures lexical, float embeddingWeight) {
        SparseVector embedding = SparseVector.dense(vector, embeddingWeight);
        return lexical == null ? embedding : embedding.concat(lexical.features(text));
    }
}
