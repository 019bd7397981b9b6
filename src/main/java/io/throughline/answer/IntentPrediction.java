package io.throughline.answer;

/**
 * The intent of a customer's message.
 *
 * @param intent     the label from the examples, or null when out of scope
 * @param score      similarity in [0,1] of the message to the closest example of that intent
 * @param outOfScope true when the message is like none of the examples
 */
public record IntentPrediction(String intent, double score, boolean outOfScope) {

    static IntentPrediction outOfScope(double score) {
        return new IntentPrediction(null, score, true);
    }
}
