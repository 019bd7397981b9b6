package io.throughline.answer;

/** One row of an intents CSV: a customer message and the intent it expresses. */
public record LabelledExample(String text, String intent) {
}
