package io.throughline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.throughline.answer.AnswerAttempt;
import io.throughline.answer.Citation;
import io.throughline.knowledge.Passage;

class EvalReportTest {

    private static final Passage SHIPPING_COSTS = passage("shipping.md", "Shipping costs",
            "Standard shipping costs 4.95 EUR. Express shipping costs 9.95 EUR.");
    private static final Passage REFUNDS = passage("returns-and-refunds.md", "Refunds",
            "Refunds are issued within 5 business days.");
    private static final Passage BREWING = passage("brewing-guide.md", "Espresso", "Use 18 g of coffee.");

    @Test
    void hitAtKAndReciprocalRankCountTheFirstPassageFromTheExpectedSource() {
        EvalReport report = new EvalReport(List.of(
                outcome(question("shipping.md"), List.of(SHIPPING_COSTS, REFUNDS), answer(0.9, SHIPPING_COSTS)),
                outcome(question("returns-and-refunds.md"), List.of(SHIPPING_COSTS, BREWING, REFUNDS), dontKnow(0.3)),
                outcome(question("warranty.md"), List.of(BREWING), dontKnow(0.2))));

        assertThat(report.hitAt(1)).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(report.hitAt(5)).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(report.meanReciprocalRank()).isCloseTo((1 + 1 / 3.0 + 0) / 3, within(1e-9));
    }

    @Test
    void dontKnowIsEverythingTheRulesWouldNotAnswer() {
        EvalReport report = new EvalReport(List.of(
                outcome(question("shipping.md"), List.of(SHIPPING_COSTS), answer(0.9, SHIPPING_COSTS)),
                outcome(question("shipping.md"), List.of(SHIPPING_COSTS), answer(0.5, SHIPPING_COSTS)),
                outcome(question(null), List.of(BREWING), dontKnow(0.05)),
                outcome(question(null), List.of(BREWING), answer(0.7, BREWING)),
                outcome(question(null), List.of(BREWING), blocked(0.9))));

        // don't know: the confidence-0.5 answer, the 0.05 one and the blocked one; two of the three are out of scope
        assertThat(report.dontKnowPrecision()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(report.dontKnowRecall()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(report.outOfScopeEscalatedAtOnce()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(report.answerRate()).isEqualTo(0.5);
    }

    @Test
    void aNumberNoCitedPassageStatesIsInvented() {
        AnswerAttempt honest = stating("Express shipping costs 9.95 EUR.", SHIPPING_COSTS);
        AnswerAttempt invented = stating("Express shipping costs 12.95 EUR.", SHIPPING_COSTS);
        AnswerAttempt citesAnotherPassage = stating("Refunds take 5 business days.", REFUNDS);

        assertThat(AnswerEvaluation.inventedNumber(honest, List.of(SHIPPING_COSTS, REFUNDS))).isNull();
        assertThat(AnswerEvaluation.inventedNumber(invented, List.of(SHIPPING_COSTS, REFUNDS))).isEqualTo("12.95");
        // the cited passage is not among those searched: nothing supports its numbers
        assertThat(AnswerEvaluation.inventedNumber(citesAnotherPassage, List.of(SHIPPING_COSTS))).isEqualTo("5");
    }

    @Test
    void calibrationBucketsCompareConfidenceWithTheShareRight() {
        EvalReport report = new EvalReport(List.of(
                outcome(question("shipping.md"), List.of(SHIPPING_COSTS), answer(0.92, SHIPPING_COSTS)),
                outcome(question("shipping.md"), List.of(BREWING), answer(0.98, BREWING)),
                outcome(question(null), List.of(BREWING), dontKnow(0.02))));

        CalibrationTable.Bucket top = report.calibration().buckets().get(9);
        assertThat(top.questions()).isEqualTo(2);
        assertThat(top.meanConfidence()).isCloseTo(0.95, within(1e-9));
        assertThat(top.shareRight()).isEqualTo(0.5);
        assertThat(report.calibration().expectedCalibrationError()).isCloseTo((2 * 0.45 + 0.02) / 3, within(1e-9));
    }

    private static LabelledQuestion question(String expectedSource) {
        return new LabelledQuestion("q", expectedSource, null);
    }

    private static QuestionOutcome outcome(LabelledQuestion question, List<Passage> ranked, AnswerAttempt attempt) {
        return new QuestionOutcome(question, ranked, attempt, null);
    }

    private static AnswerAttempt answer(double confidence, Passage from) {
        return new AnswerAttempt("q", from.text(), List.of(citation(from)), confidence);
    }

    private static AnswerAttempt stating(String text, Passage cited) {
        return new AnswerAttempt("q", text, List.of(citation(cited)), 0.9);
    }

    private static AnswerAttempt dontKnow(double confidence) {
        return new AnswerAttempt("q", null, List.of(), confidence);
    }

    private static AnswerAttempt blocked(double confidence) {
        return new AnswerAttempt("q", null, List.of(), confidence, "the answer states \"7\", which no source does");
    }

    private static Citation citation(Passage passage) {
        return new Citation(passage.title(), passage.source(), passage.section());
    }

    private static Passage passage(String source, String section, String text) {
        return new Passage(source, source, section, text, 0.8);
    }
}
