package io.throughline.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A softmax head trained on the frozen sentence embeddings of the labelled examples, optionally side by side with their
 * {@link LexicalFeatures}: one logistic regression over both, the embedding scaled by {@code embeddingWeight} (which
 * amounts to a weaker L2 penalty on that block than on the words). The head starts from the nearest intent centroid
 * (the mean embedding of an intent's examples) as its prior and learns what to correct: with a handful of examples per
 * intent the centroid is hard to beat, with hundreds the head is, so the prior fades as the examples grow (it counts
 * as much as {@value #PRIOR_EXAMPLES} examples per intent). Its probabilities are then blended with a vote of
 * the {@value #NEIGHBOURS} most similar examples, which catches the paraphrase of one known example that the head's
 * smooth boundary misses; the similarities are needed anyway, for the out-of-scope gate and the score.
 */
public final class IntentModel {

    static final int NEIGHBOURS = 10;
    static final int PRIOR_EXAMPLES = 10;
    /** How fast a neighbour's vote falls with its distance: one 0.02 less similar than the nearest counts e^-1 as much. */
    private static final double NEIGHBOUR_TEMPERATURE = 0.02;

    /**
     * @param lexical         whether words and letter n-grams are features next to the embedding
     * @param embeddingWeight factor on the unit-length embedding; the lexical block has unit length
     * @param centroidPrior   the prior logit of an intent is this times the cosine to its centroid, times
     *                        {@code 10 / (10 + examples per intent)}; 0 for none
     * @param neighbourVote   share of the nearest examples' vote in the final probabilities; 0 for the head alone
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
    private final float[][] centroids;
    private final double priorWeight;
    private final LexicalFeatures lexical;
    private final Options options;
    private final SoftmaxHead head;

    private IntentModel(List<String> intents, int[] labels, List<float[]> vectors, float[][] centroids,
            double priorWeight, LexicalFeatures lexical, Options options, SoftmaxHead head) {
        this.priorWeight = priorWeight;
        this.intents = intents;
        this.labels = labels;
        this.vectors = vectors;
        this.centroids = centroids;
        this.lexical = lexical;
        this.options = options;
        this.head = head;
    }

    /** Trains on the examples and their embeddings ({@code vectors.get(i)} is the embedding of {@code examples.get(i)}). */
    public static IntentModel train(List<LabelledExample> examples, List<float[]> vectors, Options options) {
        List<String> intents = examples.stream().map(LabelledExample::intent).distinct().sorted().toList();
        int[] labels = examples.stream().mapToInt(example -> intents.indexOf(example.intent())).toArray();
        int dimension = vectors.get(0).length;
        float[][] centroids = centroids(labels, vectors, intents.size());
        LexicalFeatures lexical = options.lexical()
                ? LexicalFeatures.fit(examples.stream().map(LabelledExample::text).toList(), dimension)
                : null;
        double priorWeight = options.centroidPrior() * PRIOR_EXAMPLES
                / (PRIOR_EXAMPLES + (double) examples.size() / intents.size());
        List<SparseVector> features = new ArrayList<>();
        List<double[]> priors = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            features.add(features(examples.get(i).text(), vectors.get(i), lexical, options.embeddingWeight()));
            priors.add(prior(vectors.get(i), centroids, priorWeight));
        }
        int width = dimension + (lexical == null ? 0 : lexical.dimension());
        SoftmaxHead head = SoftmaxHead.train(features, priors, labels, intents.size(), width, options.head());
        return new IntentModel(intents, labels, List.copyOf(vectors), centroids, priorWeight, lexical, options, head);
    }

    public Guess predict(String text, float[] vector) {
        double[] similarities = new double[vectors.size()];
        for (int i = 0; i < similarities.length; i++) {
            similarities[i] = cosine(vector, vectors.get(i));
        }
        double[] probabilities = head.probabilities(features(text, vector, lexical, options.embeddingWeight()),
                prior(vector, centroids, priorWeight));
        if (options.neighbourVote() > 0) {
            double[] vote = neighbourVote(similarities);
            for (int c = 0; c < probabilities.length; c++) {
                probabilities[c] = (1 - options.neighbourVote()) * probabilities[c] + options.neighbourVote() * vote[c];
            }
        }
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        double similarity = -1;
        double nearest = -1;
        for (int i = 0; i < similarities.length; i++) {
            nearest = Math.max(nearest, similarities[i]);
            similarity = labels[i] == best ? Math.max(similarity, similarities[i]) : similarity;
        }
        return new Guess(intents.get(best), probabilities[best], similarity, nearest);
    }

    private double[] neighbourVote(double[] similarities) {
        PriorityQueue<Integer> closest = new PriorityQueue<>(Comparator.comparingDouble(i -> similarities[i]));
        for (int i = 0; i < similarities.length; i++) {
            closest.add(i);
            if (closest.size() > NEIGHBOURS) {
                closest.poll();
            }
        }
        double top = closest.stream().mapToDouble(i -> similarities[i]).max().orElse(0);
        double[] vote = new double[intents.size()];
        double sum = 0;
        for (int i : closest) {
            double weight = Math.exp((similarities[i] - top) / NEIGHBOUR_TEMPERATURE);
            vote[labels[i]] += weight;
            sum += weight;
        }
        for (int c = 0; c < vote.length; c++) {
            vote[c] /= sum;
        }
        return vote;
    }

    private static SparseVector features(String text, float[] vector, LexicalFeatures lexical, float embeddingWeight) {
        SparseVector embedding = SparseVector.dense(vector, embeddingWeight);
        return lexical == null ? embedding : embedding.concat(lexical.features(text));
    }

    private static double[] prior(float[] vector, float[][] centroids, double weight) {
        double[] logits = new double[centroids.length];
        for (int c = 0; c < centroids.length; c++) {
            logits[c] = weight * cosine(vector, centroids[c]);
        }
        return logits;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
        }
        return dot;
    }

    private static float[][] centroids(int[] labels, List<float[]> vectors, int classes) {
        float[][] sums = new float[classes][vectors.get(0).length];
        for (int i = 0; i < labels.length; i++) {
            for (int d = 0; d < sums[labels[i]].length; d++) {
                sums[labels[i]][d] += vectors.get(i)[d];
            }
        }
        for (float[] sum : sums) {
            double norm = 0;
            for (float value : sum) {
                norm += value * value;
            }
            for (int d = 0; d < sum.length; d++) {
                sum[d] = (float) (sum[d] / Math.sqrt(norm));
            }
        }
        return sums;
    }
}
