package io.throughline.answer;

import java.util.Arrays;
import java.util.List;

/** Splits text into sentences and list items, the units an answer is quoted in. */
final class Sentences {

    private Sentences() {
    }

    static List<String> split(String text) {
        return Arrays.stream(text.split("\\n+|(?<=[.!?])\\s+(?=[\\p{Lu}\\d\"'(])"))
                .map(String::strip)
                .filter(sentence -> !sentence.isEmpty())
                .toList();
    }
}
