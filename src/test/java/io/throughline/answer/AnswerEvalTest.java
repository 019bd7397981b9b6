package io.throughline.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.Passage;
import io.throughline.knowledge.SharedEmbeddings;
import io.throughline.knowledge.TestDatabases;

/**
 * Measures the answerer against the rules' thresholds (answer at 0.55 or more, escalate below 0.40) on labelled questions:
 * {@code knowledge/eval/questions.csv}, on which {@link ConfidenceModel}'s constants were fitted, and {@code eval/holdout.csv},
 * written afterwards and never used for fitting.
 */
class AnswerEvalTest {

    private static KnowledgeBase knowledgeBase;
    private static Answerer answerer;

    @BeforeAll
    static void answererOverTheDemoKnowledge() {
        knowledgeBase = TestDatabases.demoKnowledgeBase();
        answerer = new Answerer(knowledgeBase, SharedEmbeddings.get(), AnswerSettings.defaults());
    }

    @Test
    void calibrationSet() throws IOException {
        Measurement measured = measure("/eval/questions.csv");

        assertThat(measured.topCitationPrecision()).isGreaterThanOrEqualTo(0.9);
        assertThat(measured.share(measured.answerable, c -> c >= 0.55)).isGreaterThanOrEqualTo(0.9);
        assertThat(measured.share(measured.unanswerable, c -> c < 0.40)).isGreaterThanOrEqualTo(0.8);
        assertThat(measured.answeredPrecision()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void holdoutSet() throws IOException {
        Measurement measured = measure("/eval/holdout.csv");

        assertThat(measured.topCitationPrecision()).isGreaterThanOrEqualTo(0.8);
        assertThat(measured.answeredPrecision()).isGreaterThanOrEqualTo(0.8);
    }

    private static Measurement measure(String resource) throws IOException {
        Measurement measured = new Measurement();
        for (List<String> row : questions(resource)) {
            String question = row.get(0);
            String expected = row.get(1);
            AnswerAttempt attempt = answerer.answer(question);
            List<Passage> passages = knowledgeBase.search(question, 8);
            Passage top = passages.get(0);
            double nextSource = passages.stream().filter(p -> !p.source().equals(top.source()))
                    .mapToDouble(Passage::score).findFirst().orElse(0);
            System.out.printf("conf %.3f top %.3f margin %.3f  %-50s expected %-36s top source %s%n",
                    attempt.confidence(), top.score(), top.score() - nextSource, question, expected, top.source());
            System.out.println("      answer: " + (attempt.found() ? attempt.text().replace("\n", " | ") : "-"));
            measured.add(expected, top.source(), attempt.confidence());
        }
        System.out.println(resource + ": " + measured);
        return measured;
    }

    private static List<List<String>> questions(String resource) throws IOException {
        try (InputStream in = AnswerEvalTest.class.getResourceAsStream(resource)) {
            List<List<String>> rows = CsvRows.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return rows.subList(1, rows.size());
        }
    }

    private static final class Measurement {

        final List<Double> answerable = new ArrayList<>();
        final List<Double> unanswerable = new ArrayList<>();
        int rightTopSource;
        int answered;
        int answeredRight;

        void add(String expected, String topSource, double confidence) {
            boolean right = expected.equals(topSource);
            if (expected.equals("NONE")) {
                unanswerable.add(confidence);
            } else {
                answerable.add(confidence);
                rightTopSource += right ? 1 : 0;
            }
            if (confidence >= 0.55) {
                answered++;
                answeredRight += right ? 1 : 0;
            }
        }

        double topCitationPrecision() {
            return (double) rightTopSource / answerable.size();
        }

        double answeredPrecision() {
            return answered == 0 ? 0 : (double) answeredRight / answered;
        }

        double share(List<Double> values, java.util.function.DoublePredicate predicate) {
            return values.stream().mapToDouble(Double::doubleValue).filter(predicate).count() / (double) values.size();
        }

        @Override
        public String toString() {
            return String.format("%ntop-citation precision on answerable questions %d/%d = %.3f"
                            + "%nanswers given at >= 0.55 that cite the expected source: %d/%d"
                            + "%nanswerable confidence   %s%nunanswerable confidence %s"
                            + "%nanswerable >= 0.55: %d/%d; unanswerable < 0.40: %d/%d",
                    rightTopSource, answerable.size(), topCitationPrecision(), answeredRight, answered,
                    stats(answerable), stats(unanswerable),
                    answerable.stream().filter(c -> c >= 0.55).count(), answerable.size(),
                    unanswerable.stream().filter(c -> c < 0.40).count(), unanswerable.size());
        }

        private static String stats(List<Double> values) {
            DoubleSummaryStatistics stats = values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
            List<Double> sorted = values.stream().sorted().toList();
            return String.format("n=%d min=%.3f median=%.3f mean=%.3f max=%.3f", stats.getCount(), stats.getMin(),
                    sorted.get(sorted.size() / 2), stats.getAverage(), stats.getMax());
        }
    }
}
