package io.throughline.answer;

import java.util.List;

import io.throughline.knowledge.Passage;

/**
 * An answer before the guardrails have seen it.
 *
 * @param text  null when the passages do not answer the question
 * @param cited the passages the text says it comes from
 */
record Draft(String text, List<Passage> cited) {

    Draft {
        cited = cited == null ? List.of() : List.copyOf(cited);
    }

    static Draft none() {
        return new Draft(null, List.of());
    }

    boolean hasText() {
        return text != null && !text.isBlank();
    }
}
