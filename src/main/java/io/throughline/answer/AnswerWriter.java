package io.throughline.answer;

import java.util.List;

import io.throughline.knowledge.Passage;

/** Writes the answer to a question from the passages retrieval found, best first; never from anything else. */
interface AnswerWriter {

    /** @param question the customer's message without its instruction sentences */
    Draft write(String question, List<Passage> passages);
}
