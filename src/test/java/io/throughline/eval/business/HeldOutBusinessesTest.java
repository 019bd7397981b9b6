package io.throughline.eval.business;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.throughline.knowledge.SharedEmbeddings;

/**
 * The floors under the leave-one-business-out figures of {@code eval/businesses.sh}: each business held out in turn,
 * calibrated on its own content only. The floors are one question under what was measured when they were set (in the
 * comments); they only
 * go up.
 */
class HeldOutBusinessesTest {

    private static List<BusinessRun> runs;
    private static Map<String, Scorecard> scorecards;

    @BeforeAll
    static void evaluate() {
        runs = HeldOutBusinesses.leaveOneOut(Path.of("."), SharedEmbeddings.get());
        scorecards = HeldOutBusinesses.scorecards(runs, runs).stream()
                .collect(Collectors.toMap(Scorecard::business, scorecard -> scorecard));
    }

    @AfterAll
    static void close() {
        runs.forEach(BusinessRun::close);
    }

    @Test
    void theRightSourceComesFirst() {
        assertThat(scorecards.get("coffee").rightSourceFirst()).isGreaterThanOrEqualTo(0.73);   // 141 of 191
        assertThat(scorecards.get("dental").rightSourceFirst()).isGreaterThanOrEqualTo(0.46);   // 30 of 62
        assertThat(scorecards.get("library").rightSourceFirst()).isGreaterThanOrEqualTo(0.30);  // 20 of 63
        assertThat(scorecards.get("software").rightSourceFirst()).isGreaterThanOrEqualTo(0.41); // 26 of 60
    }

    @Test
    void fewQuestionsAreAnsweredWrongly() {
        assertThat(scorecards.get("coffee").answeredWrongly()).isLessThanOrEqualTo(0.10);   // 22 of 235
        assertThat(scorecards.get("dental").answeredWrongly()).isLessThanOrEqualTo(0.10);   // 7 of 78
        assertThat(scorecards.get("library").answeredWrongly()).isLessThanOrEqualTo(0.08);  // 5 of 79
        assertThat(scorecards.get("software").answeredWrongly()).isLessThanOrEqualTo(0.11); // 7 of 77
    }

    @Test
    void offTopicQuestionsAreRefused() {
        assertThat(scorecards.get("coffee").offTopicRefused()).isGreaterThanOrEqualTo(0.68);   // 31 of 44
        assertThat(scorecards.get("dental").offTopicRefused()).isGreaterThanOrEqualTo(0.81);   // 14 of 16
        assertThat(scorecards.get("library").offTopicRefused()).isGreaterThanOrEqualTo(0.87);  // 15 of 16
        assertThat(scorecards.get("software").offTopicRefused()).isGreaterThanOrEqualTo(0.82); // 15 of 17
    }

    /** Nobody is asked for details when the knowledge answers the question as asked (no intents, no details rule). */
    @Test
    void noNeedlessQuestionsBack() {
        for (String business : List.of("dental", "library", "software")) {
            assertThat(scorecards.get(business).askedForDetails()).as(business).isZero();
        }
    }

    @Test
    void theBotSpeaksTheCustomersLanguage() {
        scorecards.values().forEach(scorecard ->
                assertThat(scorecard.inCustomersLanguage()).as(scorecard.business()).isGreaterThanOrEqualTo(0.97));
    }
}
