package io.throughline.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.throughline.knowledge.Calibration;
import io.throughline.knowledge.Passage;
import io.throughline.knowledge.SectionHeading;

/**
 * Fits the answerer's confidence to the knowledge it answers from, without anyone labelling anything. The curve is a
 * logistic one over the retrieval {@link Evidence} (the top passage's score and its margin over another source), fitted
 * on {@link CalibrationProbes}: the content's own headings are the positives (when retrieval puts their own source
 * first), the same headings with their source taken away and general off-topic questions the negatives, each half of
 * the weight. Customers' questions are harder than headings, so the fitted logit is then scaled and shifted by
 * {@link CalibrationSettings} (one correction for every business, chosen on labelled businesses), and refined by the
 * business's own labelled questions when it wrote some. Too little content to fit on gets the shipped prior curve.
 */
final class ConfidenceCalibrator {

    /** How far below the first passage of another source a near-miss may look. */
    private static final int NEAR_MISS_DEPTH = 24;
    /** Pulls the self-fitted weights gently towards the prior's, so a small knowledge base cannot fit a wild curve. */
    private static final double L2 = 0.002;
    /** How strongly a business's labelled questions may move the correction away from the global one. */
    private static final double LABELLED_L2 = 0.001;
    private static final int MIN_LABELLED = 10;

    /** A question a business labelled: what it asks, and the source that answers it (null when none does). */
    record LabelledProbe(String question, String expectedSource) {
    }

    private final Retrieval retrieval;
    private final CalibrationSettings settings;

    ConfidenceCalibrator(Retrieval retrieval, CalibrationSettings settings) {
        this.retrieval = retrieval;
        this.settings = settings;
    }

    Calibration calibrate(String fingerprint, List<SectionHeading> headings, List<LabelledProbe> labelled) {
        long start = System.nanoTime();
        if (headings.size() < settings.minSections()) {
            ConfidenceModel prior = ConfidenceModel.prior();
            return prior.toCalibration(fingerprint, "prior", 0, String.format(Locale.ROOT,
                    "too little content to calibrate on (%d section headings, %d needed): the shipped prior curve is "
                            + "used, fitted on the demo's questions", headings.size(), settings.minSections()),
                    millisSince(start));
        }
        List<LogisticFit.Example> examples = new ArrayList<>();
        List<CalibrationProbes.Probe> probes = CalibrationProbes.fromHeadings(headings, settings.maxSections());
        int ownFirst = 0;
        List<Evidence> positives = new ArrayList<>();
        List<Evidence> nearMisses = new ArrayList<>();
        for (CalibrationProbes.Probe probe : probes) {
            List<Passage> passages = retrieval.passages(probe.question(), NEAR_MISS_DEPTH);
            List<Passage> top = passages.subList(0, Math.min(Retrieval.CANDIDATES, passages.size()));
            boolean own = !top.isEmpty() && top.get(0).source().equals(probe.source());
            ownFirst += own ? 1 : 0;
            positives.add(Evidence.of(top));
            examples.add(example(Evidence.of(top), own ? 1 : 0, 1.0 / probes.size()));
            List<Passage> others = passages.stream().filter(p -> !p.source().equals(probe.source()))
                    .limit(Retrieval.CANDIDATES).toList();
            nearMisses.add(Evidence.of(others));
            examples.add(example(Evidence.of(others), 0, 0.5 / probes.size()));
        }
        List<String> offTopic = CalibrationProbes.offTopic();
        List<Evidence> foreign = new ArrayList<>();
        for (String question : offTopic) {
            Evidence evidence = Evidence.of(retrieval.passages(question));
            foreign.add(evidence);
            examples.add(example(evidence, 0, 0.5 / offTopic.size()));
        }
        double[] self = LogisticFit.fit(examples, L2, ConfidenceModel.prior().weights());
        ConfidenceModel model = ConfidenceModel.of(self).corrected(settings.scale(), settings.shift());
        String refined = "";
        if (labelled.size() >= MIN_LABELLED) {
            model = refine(model, labelled);
            refined = String.format(Locale.ROOT, "; refined on the business's %d labelled questions", labelled.size());
        }
        String summary = String.format(Locale.ROOT,
                "fitted on %d section headings (their own source first for %.0f%%), %d near-misses and %d off-topic "
                        + "questions%s: confidence %.2f at the median heading, %.2f at the median near-miss, %.2f at the "
                        + "median off-topic question",
                probes.size(), 100.0 * ownFirst / probes.size(), probes.size(), offTopic.size(), refined,
                median(model, positives), median(model, nearMisses), median(model, foreign));
        return model.toCalibration(fingerprint, refined.isEmpty() ? "self" : "labelled", probes.size() * 2 + offTopic.size()
                + labelled.size(), summary, millisSince(start));
    }

    /**
     * The curve refitted on the business's own labelled questions ("would an answer from the top passage be right?"),
     * starting from and gently pulled towards the self-calibrated one: a few questions move it a little, many decide it.
     */
    private ConfidenceModel refine(ConfidenceModel calibrated, List<LabelledProbe> labelled) {
        List<LogisticFit.Example> examples = new ArrayList<>();
        for (LabelledProbe probe : labelled) {
            List<Passage> passages = retrieval.passages(probe.question());
            boolean right = probe.expectedSource() != null && !passages.isEmpty()
                    && passages.get(0).source().equals(probe.expectedSource());
            examples.add(example(Evidence.of(passages), right ? 1 : 0, 1));
        }
        return ConfidenceModel.of(LogisticFit.fit(examples, LABELLED_L2, calibrated.weights()));
    }

    private static LogisticFit.Example example(Evidence evidence, int label, double weight) {
        return new LogisticFit.Example(new double[] {evidence.topScore(), evidence.margin()}, label, weight);
    }

    private static double median(ConfidenceModel model, List<Evidence> evidence) {
        double[] values = evidence.stream().mapToDouble(model::confidence).sorted().toArray();
        return values.length == 0 ? 0 : values[values.length / 2];
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
