package io.throughline.eval;

import io.throughline.answer.AnswerSettings;
import io.throughline.answer.Answerer;
import io.throughline.answer.ConfidenceModel;
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
        Path questionsFile = Path.of(args.length > 0 ? args[0] : "eval/questions.csv");
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
                inUse[i] = ConfidenceModel.fitted().confidence(shuffled.get(i).evidence());
                refit[i] = model.confidence(shuffled.get(i).evidence());
            }
        }
        int[] labels = shuffled.stream().mapToInt(Example::label).toArray();
        System.out.printf("constants in use (%s):%n  held-out ECE %.3f, Brier %.3f%n", ConfidenceModel.fitted(),
                ece(inUse, labels), brier(inUse, labels));
        System.out.printf("refit per fold:%n  held-out ECE %.3f, Brier %.3f%n", ece(refit, labels), brier(refit, labels));
        System.out.printf("fitted on all %d questions: new ConfidenceModel(%s)%n", examples.size(), fit(examples));
    }

    /** Logistic regression on (1, score, margin) by Newton's method; the L2 penalty spares the intercept. */
    static ConfidenceModel fit(List<Example> examples) {
        double[] w = new double[3];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[3];
            double[][] hessian = new double[3][3];
            for (Example example : examples) {
                double[] x = {1, example.evidence().topScore(), example.evidence().margin()};
                double p = 1 / (1 + Math.exp(-(w[0] * x[0] + w[1] * x[1] + w[2] * x[2])));
                for (int a = 0; a < 3; a++) {
                    gradient[a] += (p - example.label()) * x[a];
                    for (int b = 0; b < 3; b++) {
                        hessian[a][b] += p * (1 - p) * x[a] * x[b];
                    }
                }
            }
            for (int a = 1; a < 3; a++) {
                gradient[a] += L2 * examples.size() * w[a];
                hessian[a][a] += L2 * examples.size();
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a < 3; a++) {
                w[a] -= step[a];
                change += Math.abs(step[a]);
            }
            if (change < 1e-9) {
                break;
            }
        }
        return new ConfidenceModel(w[0], w[1], w[2]);
    }

    /** Gaussian elimination with partial pivoting for the 3x3 Newton step. */
    private static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(matrix[i], 0, a[i], 0, n);
            a[i][n] = vector[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                for (int k = col; k <= n; k++) {
                    a[row][k] -= factor * a[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = a[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * x[k];
            }
            x[row] = sum / a[row][row];
        }
        return x;
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
