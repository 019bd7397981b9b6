package io.throughline.answer;

import java.time.Instant;
import java.util.Locale;

import io.throughline.knowledge.Calibration;

/**
 * Maps retrieval {@link Evidence} to a confidence in [0,1], the chance that an answer from the top passage is right: a
 * logistic curve over the top passage's score and its margin over the best passage from another source.
 *
 * <p>Each knowledge base gets its own curve, fitted to its content when it is ingested ({@link ConfidenceCalibrator}).
 * The {@link #prior()} is the curve for knowledge too small to fit one: a logistic regression on the demo's labelled
 * questions ({@code eval/calibrate.sh}), labelled 1 when the question is in scope and the top passage comes from the
 * expected source, 0 otherwise.
 */
public final class ConfidenceModel {

    private static final ConfidenceModel PRIOR = new ConfidenceModel(-5.225, 9.5, 5.5);

    private final double intercept;
    private final double scoreWeight;
    private final double marginWeight;

    public ConfidenceModel(double intercept, double scoreWeight, double marginWeight) {
        this.intercept = intercept;
        this.scoreWeight = scoreWeight;
        this.marginWeight = marginWeight;
    }

    /** The shipped curve, for knowledge too small to calibrate on. */
    public static ConfidenceModel prior() {
        return PRIOR;
    }

    /** @param weights intercept, score weight, margin weight */
    static ConfidenceModel of(double[] weights) {
        return new ConfidenceModel(weights[0], weights[1], weights[2]);
    }

    public static ConfidenceModel of(Calibration calibration) {
        return new ConfidenceModel(calibration.intercept(), calibration.scoreWeight(), calibration.marginWeight());
    }

    public double confidence(Evidence evidence) {
        return LogisticFit.sigmoid(logit(evidence));
    }

    /** The log-odds of {@link #confidence}. */
    public double logit(Evidence evidence) {
        return intercept + scoreWeight * evidence.topScore() + marginWeight * evidence.margin();
    }

    /** This curve's logit multiplied by {@code scale}, then {@code shift} added. */
    ConfidenceModel corrected(double scale, double shift) {
        return new ConfidenceModel(scale * intercept + shift, scale * scoreWeight, scale * marginWeight);
    }

    double[] weights() {
        return new double[] {intercept, scoreWeight, marginWeight};
    }

    Calibration toCalibration(String fingerprint, String method, int probes, String summary, long millis) {
        return new Calibration(fingerprint, method, intercept, scoreWeight, marginWeight, probes, summary, millis,
                Instant.now());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "intercept %.3f, score weight %.3f, margin weight %.3f",
                intercept, scoreWeight, marginWeight);
    }
}
