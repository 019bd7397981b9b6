package io.throughline.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.throughline.knowledge.Embeddings;
import io.throughline.knowledge.KnowledgeSettings;
import io.throughline.knowledge.SharedEmbeddings;

class IntentClassifierTest {

    private static final List<String> OFF_TOPIC = List.of(
            "What is the capital of Peru?", "Can you fix my car?", "Who won the football world cup in 2018?",
            "Write me a poem about the ocean", "What is the square root of 144?", "How do I renew my passport?",
            "Translate hello into Japanese", "What's the weather like in Berlin tomorrow?",
            "Recommend a good pizza place", "How do I install Windows 11?");

    private static final Embeddings embeddings = SharedEmbeddings.get();
    private static IntentClassifier classifier;

    @BeforeAll
    static void classifierOverTheDemoExamples() {
        classifier = new IntentClassifier(KnowledgeSettings.of(Path.of("knowledge")), embeddings, IntentSettings.defaults());
    }

    @Test
    void leaveOneOutAccuracyIsHighAndTheOutOfScopeThresholdSeparatesOffTopicMessages() {
        List<LabelledExample> examples = IntentExamples.load(Path.of("knowledge", "intents"));
        List<float[]> vectors = embeddings.embedAll(examples.stream().map(LabelledExample::text).toList());
        IntentSettings noThreshold = new IntentSettings(0);
        int correct = 0;
        int inScopeKept = 0;
        for (int i = 0; i < examples.size(); i++) {
            List<LabelledExample> others = new ArrayList<>(examples);
            List<float[]> otherVectors = new ArrayList<>(vectors);
            LabelledExample held = others.remove(i);
            otherVectors.remove(i);
            IntentPrediction prediction = new IntentClassifier(others, otherVectors, embeddings, noThreshold).classify(held.text());
            correct += held.intent().equals(prediction.intent()) ? 1 : 0;
            inScopeKept += new IntentClassifier(others, otherVectors, embeddings, IntentSettings.defaults())
                    .classify(held.text()).outOfScope() ? 0 : 1;
            if (!held.intent().equals(prediction.intent())) {
                System.out.printf("LOO miss: %-60s %s -> %s (%.3f)%n", held.text(), held.intent(), prediction.intent(), prediction.score());
            }
        }
        int offTopicCaught = 0;
        for (String text : OFF_TOPIC) {
            IntentPrediction prediction = classifier.classify(text);
            offTopicCaught += prediction.outOfScope() ? 1 : 0;
            System.out.printf("off-topic %-45s -> %s %.3f%n", text, prediction.outOfScope() ? "out of scope" : prediction.intent(),
                    prediction.score());
        }
        double accuracy = (double) correct / examples.size();
        double threshold = IntentSettings.defaults().outOfScopeBelow();
        System.out.printf("intent leave-one-out accuracy %d/%d = %.3f%n", correct, examples.size(), accuracy);
        System.out.printf("threshold %.2f keeps %d/%d in-scope examples in scope (leave-one-out), catches %d/%d off-topic%n",
                threshold, inScopeKept, examples.size(), offTopicCaught, OFF_TOPIC.size());

        assertThat(accuracy).as("the nearest intent centroid this head replaced scored 0.903").isGreaterThanOrEqualTo(0.9);
        assertThat(offTopicCaught).isGreaterThanOrEqualTo(9);
        assertThat((double) inScopeKept / examples.size()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void classifiesHoldOutMessagesWrittenAfterTheExamples() throws IOException {
        List<List<String>> rows = CsvRows.parse(Files.readString(Path.of("src/test/resources/eval/intents-holdout.csv")));
        int correct = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            IntentPrediction prediction = classifier.classify(row.get(0));
            String predicted = prediction.outOfScope() ? "OUT_OF_SCOPE" : prediction.intent();
            correct += predicted.equals(row.get(1)) ? 1 : 0;
            System.out.printf("hold-out %-70s expected %-16s got %-16s %.3f%n", row.get(0), row.get(1), predicted,
                    prediction.score());
        }
        double accuracy = (double) correct / (rows.size() - 1);
        System.out.printf("intent hold-out accuracy %d/%d = %.3f%n", correct, rows.size() - 1, accuracy);

        assertThat(accuracy).isGreaterThanOrEqualTo(0.75);
    }

    @ParameterizedTest
    @CsvSource({
            "I want to talk to a human agent please, human",
            "could I chat with an actual person instead of a bot?, human",
            "my grinder makes a weird grinding noise and stops, troubleshooting",
            "I'd like to book a demo of the Dual Boiler next Saturday, booking",
            "when will my parcel arrive?, shipping",
            "I can't remember my password, account"})
    void recognisesIntents(String text, String intent) {
        IntentPrediction prediction = classifier.classify(text);

        assertThat(prediction.intent()).isEqualTo(intent);
        assertThat(prediction.outOfScope()).isFalse();
        assertThat(prediction.score()).isBetween(IntentSettings.defaults().outOfScopeBelow(), 1.0);
    }

    @Test
    void askingForAHumanInTheExamplesWordsScoresHigh() {
        assertThat(classifier.classify("I want to talk to a human agent please").score()).isGreaterThan(0.9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"What is the capital of Peru?", "Can you fix my car?", "", " "})
    void marksOffTopicOrEmptyMessagesOutOfScope(String text) {
        IntentPrediction prediction = classifier.classify(text);

        assertThat(prediction.outOfScope()).isTrue();
        assertThat(prediction.intent()).isNull();
        assertThat(prediction.score()).isLessThan(IntentSettings.defaults().outOfScopeBelow());
    }

    @Test
    void rejectsACsvWithoutTheExpectedHeader() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IntentExamples.parse(Path.of("bad.csv"), "message,label\nhi,human\n"))
                .withMessageContaining("text and intent");
    }
}
