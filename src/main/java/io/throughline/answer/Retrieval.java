package io.throughline.answer;

import java.util.List;

import org.springframework.stereotype.Component;

import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.Passage;

/**
 * What the answerer reads for a question: the passages the knowledge base finds for what the customer asks, with
 * instructions to the bot and the greetings, names and small talk around the question taken out first.
 * The confidence calibration asks through this too, so it sees exactly what answering sees.
 */
@Component
public class Retrieval {

    /** Passages an answer is written from, and whose scores its confidence reads. */
    static final int CANDIDATES = 8;

    private final KnowledgeBase knowledgeBase;

    public Retrieval(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    /** The question as it is searched: without instructions to the bot, without greetings and small talk. */
    public static String query(String question) {
        return question == null ? "" : QuestionFocus.of(InstructionGuard.withoutInstructions(question));
    }

    List<Passage> passages(String question) {
        return passages(question, CANDIDATES);
    }

    List<Passage> passages(String question, int limit) {
        return knowledgeBase.search(query(question), limit);
    }

    KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }
}
