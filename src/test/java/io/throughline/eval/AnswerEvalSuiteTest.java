package io.throughline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.throughline.answer.AnswerSettings;
import io.throughline.answer.Answerer;
import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.SharedEmbeddings;
import io.throughline.knowledge.Source;

/**
 * The evaluation {@code eval/answers.sh} prints, as floors a regression falls through. Each floor is the figure
 * measured on {@code knowledge/eval/questions.csv} when it was written (in the comment) minus a margin of two to five questions;
 * raise them when the answerer gets better.
 */
class AnswerEvalSuiteTest {

    private static final Path QUESTIONS = Path.of("knowledge/eval/questions.csv");

    private static List<LabelledQuestion> questions;
    private static KnowledgeBase knowledgeBase;
    private static EvalReport report;

    @BeforeAll
    static void evaluate() throws IOException {
        questions = LabelledQuestions.read(QUESTIONS);
        knowledgeBase = OfflineKnowledge.ingest(Path.of("knowledge"), SharedEmbeddings.get());
        Answerer answerer = new Answerer(knowledgeBase, SharedEmbeddings.get(), AnswerSettings.defaults());
        report = new AnswerEvaluation(knowledgeBase, answerer).run(questions);
        report.print(System.out);
    }

    @Test
    void theQuestionSetIsLargeAndHoldsEnoughOutOfScopeQuestions() {
        assertThat(report.questions()).isGreaterThanOrEqualTo(150);
        assertThat(report.outOfScopeQuestions()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void everyLabelNamesAnIngestedSourceAndOneOfItsHeadings() {
        for (LabelledQuestion question : questions.stream().filter(LabelledQuestion::inScope).toList()) {
            Source source = knowledgeBase.source(question.expectedSource())
                    .orElseThrow(() -> new AssertionError(question + " names a source that was not ingested"));
            if (question.expectedSection() != null) {
                assertThat(knowledgeBase.text(source).orElseThrow()).as(question.toString())
                        .contains(question.expectedSection());
            }
        }
    }

    @Test
    void retrievalFindsTheExpectedSource() {
        // measured with the roastery PDF and the cupping FAQ sheet in the demo knowledge (they took hit@1 from 0.905 to
        // 0.880: "How many people work at Larkspur?" now meets a leaflet about groups of people)
        assertThat(report.hitAt(1)).isGreaterThanOrEqualTo(0.87);              // measured 0.880
        assertThat(report.hitAt(5)).isGreaterThanOrEqualTo(0.94);              // measured 0.949
        assertThat(report.meanReciprocalRank()).isGreaterThanOrEqualTo(0.91);  // measured 0.915
        assertThat(report.sectionHitAt(5)).isGreaterThanOrEqualTo(0.92);       // measured 0.936
    }

    @Test
    void answersCiteTheExpectedSource() {
        assertThat(report.answerRate()).isGreaterThanOrEqualTo(0.68);          // measured 0.703
        // measured 0.967 with the curve fitted once on exactly these questions; 0.959 since each knowledge base calibrates
        // its own (here: on its content, then refined on these questions as labelled ones), one answer more is wrong
        assertThat(report.answerPrecision()).isGreaterThanOrEqualTo(0.955);    // measured 0.959
    }

    @Test
    void outOfScopeQuestionsGetIDontKnowAndAPerson() {
        // 0.900 (36 of 40) with the curve fitted once on exactly these questions; 33 of 40 with the self-calibration
        assertThat(report.dontKnowRecall()).isGreaterThanOrEqualTo(0.82);      // measured 0.825
        assertThat(report.dontKnowPrecision()).isGreaterThanOrEqualTo(0.38);   // measured 0.409
        assertThat(report.outOfScopeEscalatedAtOnce()).isGreaterThanOrEqualTo(0.80); // measured 0.900
    }

    @Test
    void noAnswerStatesANumberItsPassagesDoNot() {
        assertThat(report.inventedNumbers()).isZero();
    }

    @Test
    void confidenceStaysNoWorseCalibrated() {
        assertThat(report.calibration().expectedCalibrationError()).isLessThanOrEqualTo(0.19); // measured 0.143
    }

    @Test
    void theThresholdsAreTheRulesOwn() throws IOException {
        String rules = Files.readString(Path.of("rules/escalation.drl"));

        assertThat(rule(rules, "Confident answer")).contains(String.format(Locale.ROOT, "confidence >= %.2f",
                RuleThresholds.ANSWER));
        assertThat(rule(rules, "Low answer confidence")).contains(String.format(Locale.ROOT, "confidence < %.2f",
                RuleThresholds.ESCALATE));
    }

    private static String rule(String drl, String name) {
        Matcher rule = Pattern.compile("rule \"" + Pattern.quote(name) + "\"(.*?)\\bend\\b", Pattern.DOTALL)
                .matcher(drl);
        assertThat(rule.find()).as("rules/escalation.drl has the rule \"%s\"", name).isTrue();
        return rule.group(1);
    }
}
