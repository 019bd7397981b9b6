package io.throughline.eval;

import io.throughline.answer.AnswerSettings;
import io.throughline.answer.Answerer;
import io.throughline.answer.ConfidenceModel;
import io.throughline.answer.LogisticFit;
import io.throughline.answer.Evidence;
import io.throughline.knowledge.Embeddings;
import io.throughline.knowledge.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Fits the answerer's confidence on a labelled question set and says how well calibrated it is:
 * {@code java -cp ... io.throughline.eval.ConfidenceFit [questions.csv [knowledge-dir]]} (see {@code eval/calibrate.sh}).
 *
 * <p>Each question gives the retrieval {@link Evidence} the answerer sees and a label: 1 when it is in scope and the top
 * passage is from the expected source, else 0. A logistic regression (Newton's method, light L2) is fitted on all of them
 * and printed as constants for {@link ConfidenceModel}. Expected calibration error (10 bins) and Brier score are given
 * for the constants in use and for a refit, both on held-out questions (5-fold cross-validation, fixed shuffle), so
 * the comparison is not flattered by fitting and scoring on the same questions.
 */
public final class ConfidenceFit {

    private static final int FOLDS = 5;
    private static final double L2 = 0.01;

    record Example(Evidence evidence, int label) {}

    private ConfidenceFit() {
    }

    public static void main(String[] args) throws IOException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/throughline/eval/logback.xml");
        }
        Path questionsFile = Path.of(args.length > 0 ? args[0] : "knowledge/eval/questions.csv");
        Path knowledgeDir = Path.of(args.length > 1 ? args[1] : "knowledge");
        List<LabelledQuestion> questions = LabelledQuestions.read(questionsFile);
        Embeddings embeddings = new Embeddings();
        KnowledgeBase knowledgeBase = OfflineKnowledge.ingest(knowledgeDir, embeddings);
        Answerer answerer = new Answerer(knowledgeBase, embeddings, AnswerSettings.defaults());
        List<Example> examples = new ArrayList<>();
        for (LabelledQuestion question : questions) {
            var ranked = knowledgeBase.search(question.question(), 1);
            boolean right = question.inScope() && !ranked.isEmpty()
                    && ranked.get(0).source().equals(question.expectedSource());
            examples.add(new Example(answerer.evidence(question.question()), right ? 1 : 0));
        }
        long positives = examples.stream().filter(e -> e.label() == 1).count();
        System.out.printf("%s over %s: %d questions, %d where answering from the top passage is right%n",
                questionsFile, knowledgeDir, examples.size(), positives);

        List<Example> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(42));
        double[] inUse = new double[shuffled.size()];
        double[] refit = new double[shuffled.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Example> train = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                if (i % FOLDS != fold) {
                    train.add(shuffled.get(i));
                }
            }
            ConfidenceModel model = fit(train);
            for (int i = fold; i < shuffled.size(); i += FOLDS) {
                inUse[i] = ConfidenceModel.prior().confidence(shuffled.get(i).evidence());
                refit[i] = model.confidence(shuffled.get(i).evidence());
            }
        }
        int[] labels = shuffled.stream().mapToInt(Example::label).toArray();
        System.out.printf("constants in use (%s):%n  held-out ECE %.3f, Brier %.3f%n", ConfidenceModel.prior(),
                ece(inUse, labels), brier(inUse, labels));
        System.out.printf("refit per fold:%n  held-out ECE %.3f, Brier %.3f%n", ece(refit, labels), brier(refit, labels));
        System.out.printf("fitted on all %d questions: new ConfidenceModel(%s)%n", examples.size(), fit(examples));
    }

    /** Logistic regression on (1, score, margin); the L2 penalty spares the intercept. */
    static ConfidenceModel fit(List<Example> examples) {
        List<LogisticFit.Example> observations = examples.stream()
                .map(example -> new LogisticFit.Example(
                        new double[] {example.evidence().topScore(), example.evidence().margin()}, example.label(), 1))
                .toList();
        double[] w = LogisticFit.fit(observations, L2, new double[3]);
        return new ConfidenceModel(w[0], w[1], w[2]);
    }

    /** Expected calibration error over ten equal-width bins. */
    static double ece(double[] confidence, int[] labels) {
        double[] sum = new double[10];
        double[] right = new double[10];
        int[] count = new int[10];
        for (int i = 0; i < confidence.length; i++) {
            int bin = Math.min(9, (int) (confidence[i] * 10));
            sum[bin] += confidence[i];
            right[bin] += labels[i];
            count[bin]++;
        }
        double error = 0;
        for (int bin = 0; bin < 10; bin++) {
            if (count[bin] > 0) {
                error += count[bin] * Math.abs(sum[bin] / count[bin] - right[bin] / count[bin]);
            }
        }
        return error / confidence.length;
    }

    static double brier(double[] confidence, int[] labels) {
        double sum = 0;
        for (int i = 0; i < confidence.length; i++) {
            sum += Math.pow(confidence[i] - labels[i], 2);
        }
        return sum / confidence.length;
    }
}
