package io.throughline.answer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the answerer decides.
 *
 * @param minConfidence below this the attempt carries no text: nothing relevant enough was found
 * @param maxSentences  the most sentences quoted from a long passage
 */
@ConfigurationProperties("throughline.answer")
public record AnswerSettings(
        @DefaultValue("0.40") double minConfidence,
        @DefaultValue("3") int maxSentences) {

    public static AnswerSettings defaults() {
        return new AnswerSettings(0.40, 3);
    }
}
