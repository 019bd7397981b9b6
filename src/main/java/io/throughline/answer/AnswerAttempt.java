package io.throughline.answer;

import java.util.List;

/**
 * What the answerer found for a question.
 *
 * @param text           the grounded answer, or null when nothing relevant was found or the answer was blocked
 * @param citations      one per passage the text was taken from (for a blocked answer: the passages it cited)
 * @param confidence     in [0,1]; the rules answer at 0.55 or more and escalate below 0.40
 * @param blockedBecause why a guardrail stopped the written answer, or null when none did
 */
public record AnswerAttempt(String question, String text, List<Citation> citations, double confidence,
                            String blockedBecause) {

    public AnswerAttempt {
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    public AnswerAttempt(String question, String text, List<Citation> citations, double confidence) {
        this(question, text, citations, confidence, null);
    }

    static AnswerAttempt blocked(String question, List<Citation> citations, double confidence, String reason) {
        return new AnswerAttempt(question, null, citations, confidence, reason);
    }

    public boolean found() {
        return text != null && !text.isBlank();
    }

    public boolean blocked() {
        return blockedBecause != null;
    }
}
