package io.throughline.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.KnowledgeCalibrations;
import io.throughline.knowledge.KnowledgeSettings;
import io.throughline.knowledge.KnowledgeSources;
import io.throughline.knowledge.SharedEmbeddings;
import io.throughline.knowledge.TestDatabases;
import io.throughline.language.Language;

/**
 * What customers and businesses really send: questions that are all emoji, only a link, 2,000 characters long or in two
 * languages at once, and knowledge of one tiny file or the same article twice. A sensible attempt or a clear "I don't
 * know", never an error; too little content falls back to the shipped curve and says so.
 */
class AwkwardInputTest {

    private static Answerer demo;

    @BeforeAll
    static void demoAnswerer() {
        demo = new Answerer(TestDatabases.demoKnowledgeBase(), SharedEmbeddings.get(), AnswerSettings.defaults());
    }

    @ParameterizedTest
    @ValueSource(strings = {"😀😀😀🙏", "https://example.com/some/page?x=1", "?!", "Hoe lang duurt shipping to Belgium, bitte?"})
    void oddQuestionsGetAnAttemptNeverAnError(String question) {
        AnswerAttempt attempt = demo.answer(question);

        assertThat(attempt.confidence()).isBetween(0.0, 1.0);
        assertThat(Language.of(question, Language.EN)).isNotNull();
    }

    @Test
    void aQuestionOfTwoThousandCharactersIsSearchedByWhatItAsks() {
        String question = "How long does shipping to Germany take? " + "I really need to know this. ".repeat(70);

        AnswerAttempt attempt = demo.answer(question.substring(0, 2_000));

        assertThat(attempt.confidence()).isBetween(0.0, 1.0);
        assertThat(attempt.citations()).extracting(Citation::source).allMatch(source -> source.equals("shipping.md"));
    }

    @Test
    void aKnowledgeBaseOfOneTinyFileUsesTheShippedCurveAndSaysSo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("hours.md"), "# Opening hours\n\n## Weekdays\n\nWe are open 9 to 5.\n\n"
                + "## Weekends\n\nClosed on Saturday and Sunday.\n");
        var jdbc = TestDatabases.freshH2();
        KnowledgeBase knowledge = new KnowledgeBase(KnowledgeSettings.of(dir), SharedEmbeddings.get(),
                new KnowledgeSources(jdbc));
        knowledge.ingest();
        KnowledgeCalibrations store = new KnowledgeCalibrations(jdbc);
        ConfidenceCalibrations calibrations = new ConfidenceCalibrations(knowledge, new Retrieval(knowledge),
                CalibrationSettings.defaults(), store, KnowledgeSettings.of(dir));

        assertThat(calibrations.current().method()).isEqualTo("prior");
        assertThat(calibrations.current().summary()).contains("too little content");
        assertThat(store.find(calibrations.current().fingerprint())).isPresent();
        assertThat(store.inUse()).contains(calibrations.current());
        AnswerAttempt attempt = new Answerer(knowledge, SharedEmbeddings.get(), AnswerSettings.defaults())
                .answer("Are you open on Sunday?");
        assertThat(attempt.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void theSameArticleTwiceIsCalibratedOnAndAnswered(@TempDir Path dir) throws IOException {
        for (String name : new String[] {"shipping.md", "shipping-copy.md"}) {
            Files.copy(Path.of("knowledge", "shipping.md"), dir.resolve(name));
        }
        Files.copy(Path.of("knowledge", "returns-and-refunds.md"), dir.resolve("returns.md"));
        var jdbc = TestDatabases.freshH2();
        KnowledgeBase knowledge = new KnowledgeBase(KnowledgeSettings.of(dir), SharedEmbeddings.get(),
                new KnowledgeSources(jdbc));
        knowledge.ingest();

        AnswerAttempt attempt = new Answerer(knowledge, SharedEmbeddings.get(), AnswerSettings.defaults())
                .answer("How long does standard shipping take?");

        assertThat(attempt.confidence()).isBetween(0.0, 1.0);
        assertThat(attempt.citations()).extracting(Citation::source).isNotEmpty()
                .allMatch(source -> source.startsWith("shipping"));
    }

    @Test
    void theCalibrationIsTheSameEveryTimeForTheSameContent(@TempDir Path dir) throws IOException {
        KnowledgeBase first = TestDatabases.demoKnowledgeBase();
        KnowledgeBase second = TestDatabases.demoKnowledgeBase();

        var one = ConfidenceCalibrations.inMemory(first, CalibrationSettings.defaults(), null).current();
        var two = ConfidenceCalibrations.inMemory(second, CalibrationSettings.defaults(), null).current();

        assertThat(one.method()).isEqualTo("self");
        assertThat(one.fingerprint()).isEqualTo(two.fingerprint());
        assertThat(new double[] {one.intercept(), one.scoreWeight(), one.marginWeight()})
                .containsExactly(two.intercept(), two.scoreWeight(), two.marginWeight());
    }
}
