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

/** Measures the answerer on the labelled questions in {@code eval/questions.csv} and holds it to the rules' thresholds. */
class AnswerEvalTest {

    private static KnowledgeBase knowledgeBase;
    private static Answerer answerer;

    @BeforeAll
    static void answererOverTheDemoKnowledge() {
        knowledgeBase = TestDatabases.demoKnowledgeBase();
        answerer = new Answerer(knowledgeBase, SharedEmbeddings.get(), AnswerSettings.defaults());
    }

    @Test
    void answersInDomainQuestionsConfidentlyFromTheRightSourceAndOffTopicOnesNot() throws IOException {
        List<Double> answerable = new ArrayList<>();
        List<Double> unanswerable = new ArrayList<>();
        int rightTopSource = 0;
        int answered = 0;
        int answeredRight = 0;
        for (List<String> row : questions()) {
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
            boolean right = expected.equals(top.source());
            if (expected.equals("NONE")) {
                unanswerable.add(attempt.confidence());
            } else {
                answerable.add(attempt.confidence());
                rightTopSource += right ? 1 : 0;
            }
            if (attempt.confidence() >= 0.55) {
                answered++;
                answeredRight += right ? 1 : 0;
            }
        }
        double precision = (double) rightTopSource / answerable.size();
        long answerableAbove = answerable.stream().filter(c -> c >= 0.55).count();
        long unanswerableBelow = unanswerable.stream().filter(c -> c < 0.40).count();
        System.out.printf("top-citation precision on answerable questions %d/%d = %.3f%n",
                rightTopSource, answerable.size(), precision);
        System.out.printf("answers given at >= 0.55 that cite the expected source: %d/%d%n", answeredRight, answered);
        System.out.println("answerable confidence   " + stats(answerable));
        System.out.println("unanswerable confidence " + stats(unanswerable));
        System.out.printf("answerable >= 0.55: %d/%d; unanswerable < 0.40: %d/%d%n",
                answerableAbove, answerable.size(), unanswerableBelow, unanswerable.size());

        assertThat(precision).isGreaterThanOrEqualTo(0.9);
        assertThat((double) answerableAbove / answerable.size()).isGreaterThanOrEqualTo(0.9);
        assertThat((double) unanswerableBelow / unanswerable.size()).isGreaterThanOrEqualTo(0.8);
        assertThat((double) answeredRight / answered).isGreaterThanOrEqualTo(0.9);
    }

    private static String stats(List<Double> values) {
        DoubleSummaryStatistics stats = values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        List<Double> sorted = values.stream().sorted().toList();
        return String.format("n=%d min=%.3f median=%.3f mean=%.3f max=%.3f", stats.getCount(), stats.getMin(),
                sorted.get(sorted.size() / 2), stats.getAverage(), stats.getMax());
    }

    private static List<List<String>> questions() throws IOException {
        try (InputStream in = AnswerEvalTest.class.getResourceAsStream("/eval/questions.csv")) {
            List<List<String>> rows = CsvRows.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return rows.subList(1, rows.size());
        }
    }
}
