package io.throughline.decision;

import java.util.Map;

/** Readable facts for rule tests. */
final class Facts {

    private Facts() {
    }

    static ConversationFacts.Builder question(String intent) {
        return ConversationFacts.builder().conversationId("c-1").intent(intent, 0.9).text("a question");
    }

    static CustomerFacts customerOnPlan(String plan) {
        return new CustomerFacts("cu-1", plan, Map.of());
    }

    static CustomerFacts basicCustomer() {
        return customerOnPlan("basic");
    }

    static AnswerFacts answerWithConfidence(double confidence) {
        return new AnswerFacts(true, confidence, 2);
    }
}
