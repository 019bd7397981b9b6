package io.throughline.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Confidence against how often it is right, in buckets a tenth wide. "Right" is what the confidence model was fitted
 * to predict: the question is in scope and the top passage comes from the expected source. Out-of-scope questions are
 * never right, so a calibrated confidence keeps them low.
 */
public final class CalibrationTable {

    private static final int BUCKETS = 10;

    /** One bucket: questions whose confidence lies in [from, to). */
    public record Bucket(double from, double to, int questions, double meanConfidence, double shareRight) {
    }

    private final List<Bucket> buckets = new ArrayList<>();

    CalibrationTable(List<QuestionOutcome> outcomes) {
        for (int b = 0; b < BUCKETS; b++) {
            int bucket = b;
            List<QuestionOutcome> in = outcomes.stream().filter(outcome -> bucketOf(outcome) == bucket).toList();
            buckets.add(new Bucket((double) b / BUCKETS, (double) (b + 1) / BUCKETS, in.size(),
                    in.stream().mapToDouble(outcome -> outcome.attempt().confidence()).average().orElse(0),
                    in.stream().filter(outcome -> outcome.hitAt(1)).count() / (double) Math.max(1, in.size())));
        }
    }

    public List<Bucket> buckets() {
        return List.copyOf(buckets);
    }

    /** Mean gap between confidence and share right, weighted by questions (the expected calibration error). */
    public double expectedCalibrationError() {
        int total = buckets.stream().mapToInt(Bucket::questions).sum();
        return buckets.stream().mapToDouble(b -> b.questions() * Math.abs(b.meanConfidence() - b.shareRight())).sum()
                / Math.max(1, total);
    }

    void print(PrintStream out) {
        out.println("calibration  confidence   questions  mean confidence  share right "
                + "(top passage from the expected source)");
        for (Bucket b : buckets) {
            out.printf(Locale.ROOT, "             [%.1f, %.1f)  %9d  %15s  %s%n", b.from(), b.to(), b.questions(),
                    b.questions() == 0 ? "-" : String.format(Locale.ROOT, "%.2f", b.meanConfidence()),
                    b.questions() == 0 ? "-" : String.format(Locale.ROOT, "%.2f", b.shareRight()));
        }
        out.printf(Locale.ROOT, "             expected calibration error %.3f%n", expectedCalibrationError());
    }

    private static int bucketOf(QuestionOutcome outcome) {
        return Math.min(BUCKETS - 1, (int) Math.floor(outcome.attempt().confidence() * BUCKETS));
    }
}
