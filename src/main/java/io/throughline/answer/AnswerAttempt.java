package io.throughline.answer;

import java.util.List;

/**
 * What the answerer found for a question.
 *
 * @param text       the grounded answer, or null when nothing relevant was found
 * @param citations  one per passage the text was taken from
 * @param confidence in [0,1]; the rules answer at 0.55 or more and escalate below 0.40
 */
public record AnswerAttempt(String question, String text, List<Citation> citations, double confidence) {

    public AnswerAttempt {
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    public boolean found() {
        return text != null && !text.isBlank();
    }
}
