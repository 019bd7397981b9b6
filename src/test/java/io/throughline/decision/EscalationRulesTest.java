package io.throughline.decision;

import static io.throughline.decision.Facts.answerWithConfidence;
import static io.throughline.decision.Facts.basicCustomer;
import static io.throughline.decision.Facts.question;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped rules/escalation.drl: which action a message gets. */
class EscalationRulesTest {

    private static final Decider decider = new Decider(new RulesSettings(Path.of("rules")));

    @Test
    void customerAskingForAPersonIsEscalatedEvenWhenAConfidentAnswerExists() {
        Decision decision = decider.decide(question("human").build(), basicCustomer(), answerWithConfidence(0.95));

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
        assertThat(decision.getQueue()).isEqualTo("support");
        assertThat(decision.getPriority()).isEqualTo(50);
        assertThat(decision.getReasons()).containsExactly("customer asked for a person");
        assertThat(decision.getRulesFired()).containsExactly("Customer asks for a person");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.55, 0.8, 1.0})
    void confidentAnswerIsAnswered(double confidence) {
        Decision decision = decider.decide(question("shipping").build(), basicCustomer(),
                answerWithConfidence(confidence));

        assertThat(decision.getAction()).isEqualTo(Action.ANSWER);
        assertThat(decision.getRulesFired()).containsExactly("Confident answer");
    }

    @Test
    void confidentAnswerIsAnsweredEvenAfterAnEarlierUnansweredQuestion() {
        Decision decision = decider.decide(question("shipping").unansweredQuestions(1).build(), basicCustomer(),
                answerWithConfidence(0.7));

        assertThat(decision.getAction()).isEqualTo(Action.ANSWER);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.31, 0.399})
    void lowConfidenceIsEscalatedWithTheThresholdInTheReason(double confidence) {
        Decision decision = decider.decide(question("shipping").build(), basicCustomer(),
                answerWithConfidence(confidence));

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
        assertThat(decision.getQueue()).isEqualTo("support");
        assertThat(decision.getReasons()).singleElement().asString()
                .startsWith("answer confidence 0.").endsWith(" is below the 0.40 threshold");
        assertThat(decision.getRulesFired()).containsExactly("Low answer confidence");
    }

    @Test
    void lowConfidenceReasonShowsTheConfidence() {
        Decision decision = decider.decide(question("shipping").build(), basicCustomer(), answerWithConfidence(0.31));

        assertThat(decision.getReasons()).containsExactly("answer confidence 0.31 is below the 0.40 threshold");
    }

    @Test
    void nothingFoundIsEscalated() {
        Decision decision = decider.decide(question("shipping").build(), basicCustomer(), AnswerFacts.none());

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
        assertThat(decision.getReasons()).containsExactly("no answer found in the knowledge base");
        assertThat(decision.getRulesFired()).containsExactly("Nothing found");
    }

    /** Asking "could you tell me more?" would not help: nothing the customer has not said is missing. */
    @ParameterizedTest
    @ValueSource(doubles = {0.40, 0.47, 0.549})
    void aPartialMatchGoesToAPersonRatherThanAskingForDetailsNobodyNeeds(double confidence) {
        Decision decision = decider.decide(question("shipping").unansweredQuestions(0).build(), basicCustomer(),
                answerWithConfidence(confidence));

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
        assertThat(decision.getMissingDetails()).isEmpty();
        assertThat(decision.getReasons()).singleElement().asString().endsWith("a person checks");
        assertThat(decision.getRulesFired()).containsExactly("Partial match goes to a person");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aPartialMatchAfterAnUnansweredQuestionGoesToAPersonToo(int unansweredQuestions) {
        Decision decision = decider.decide(question("shipping").unansweredQuestions(unansweredQuestions).build(),
                basicCustomer(), answerWithConfidence(0.45));

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
        assertThat(decision.getRulesFired()).containsExactly("Partial match goes to a person");
    }

    @Test
    void outOfScopeTwiceIsEscalatedEvenWhenSomethingConfidentWasFound() {
        ConversationFacts conversation = ConversationFacts.builder().outOfScope().unansweredQuestions(1).build();

        Decision decision = decider.decide(conversation, basicCustomer(), answerWithConfidence(0.9));

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
        assertThat(decision.getReasons()).containsExactly("second unanswered question");
        assertThat(decision.getRulesFired()).containsExactly("Out of scope twice");
    }

    @Test
    void outOfScopeTheFirstTimeIsNotEscalatedForThat() {
        ConversationFacts conversation = ConversationFacts.builder().outOfScope().unansweredQuestions(0).build();

        Decision decision = decider.decide(conversation, basicCustomer(), answerWithConfidence(0.45));

        assertThat(decision.getRulesFired()).containsExactly("Partial match goes to a person");
        assertThat(decision.getReasons()).noneMatch(reason -> reason.contains("unanswered"));
    }

    @Test
    void everyDecisionHasExactlyOneActionReason() {
        Decision decision = decider.decide(question("human").unansweredQuestions(2).build(), basicCustomer(),
                answerWithConfidence(0.45));

        assertThat(decision.getRulesFired()).containsExactly("Customer asks for a person");
        assertThat(decision.getReasons()).containsExactly("customer asked for a person");
    }

    @Test
    void anAnswerAGuardrailBlockedIsEscalatedWithItsReason() {
        AnswerFacts blocked = new AnswerFacts(false, 0.92, 1, "the answer states \"€12\", which none of its sources does");

        Decision decision = decider.decide(question("pricing").build(), basicCustomer(), blocked);

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
        assertThat(decision.getQueue()).isEqualTo("support");
        assertThat(decision.getReasons()).containsExactly(
                "answer blocked by a guardrail: the answer states \"€12\", which none of its sources does");
        assertThat(decision.getRulesFired()).containsExactly("Answer blocked by a guardrail");
    }

    @Test
    void aBlockedAnswerIsEscalatedEvenWhenItsConfidenceWouldAnswer() {
        AnswerFacts blockedButConfident = new AnswerFacts(true, 0.95, 2, "the answer contains an email address that is "
                + "neither in its sources nor in the customer's message");

        Decision decision = decider.decide(question("pricing").build(), basicCustomer(), blockedButConfident);

        assertThat(decision.getAction()).isEqualTo(Action.ESCALATE);
        assertThat(decision.getRulesFired()).containsExactly("Answer blocked by a guardrail");
    }

    @Test
    void aCustomerAskingForAPersonStillWinsOverABlockedAnswer() {
        Decision decision = decider.decide(question("human").build(), basicCustomer(),
                new AnswerFacts(false, 0.9, 1, "the answer cites none of the passages it was given"));

        assertThat(decision.getRulesFired()).containsExactly("Customer asks for a person");
    }
}
