package io.throughline.answer;

/**
 * Maps retrieval {@link Evidence} to a confidence in [0,1]: a logistic curve over the top passage's score and its margin
 * over the best passage from another source.
 *
 * <p>The constants are a logistic regression fitted on the labelled question set {@code eval/questions.csv} by
 * {@code eval/calibrate.sh} ({@link io.throughline.eval.ConfidenceFit}), with the label "an answer from the top passage
 * would be right": 1 when the question is in scope and the top passage comes from the expected source, 0 otherwise (every
 * out-of-scope question is a 0, so confidence is the probability that answering is right, not that retrieval is). The
 * command prints the fitted constants and the calibration error under 5-fold cross-validation next to these ones; refit
 * when the knowledge or the retrieval changes, and move the thresholds in {@code rules/} with it.
 */
public final class ConfidenceModel {

    static final ConfidenceModel FITTED = new ConfidenceModel(-5.225, 9.5, 5.5);

    private final double intercept;
    private final double scoreWeight;
    private final double marginWeight;

    public ConfidenceModel(double intercept, double scoreWeight, double marginWeight) {
        this.intercept = intercept;
        this.scoreWeight = scoreWeight;
        this.marginWeight = marginWeight;
    }

    /** The constants the answerer uses. */
    public static ConfidenceModel fitted() {
        return FITTED;
    }

    public double confidence(Evidence evidence) {
        double z = intercept + scoreWeight * evidence.topScore() + marginWeight * evidence.margin();
        return 1 / (1 + Math.exp(-z));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "intercept %.3f, score weight %.3f, margin weight %.3f",
                intercept, scoreWeight, marginWeight);
    }
}
