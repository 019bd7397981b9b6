package io.throughline.answer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the answerer decides.
 *
 * @param minConfidence below this the attempt carries no text: nothing in the knowledge base is relevant at all. Kept
 *                      well under the escalation thresholds, which live in {@code rules/}, so a designer who moves them
 *                      there is not overruled here
 * @param maxSentences  the most sentences quoted from a long passage
 */
@ConfigurationProperties("throughline.answer")
public record AnswerSettings(
        @DefaultValue("0.10") double minConfidence,
        @DefaultValue("3") int maxSentences) {

    public static AnswerSettings defaults() {
        return new AnswerSettings(0.10, 3);
    }
}
