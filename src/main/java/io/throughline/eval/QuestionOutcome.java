package io.throughline.eval;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import io.throughline.answer.AnswerAttempt;
import io.throughline.knowledge.Passage;

/**
 * What happened to one labelled question.
 *
 * @param ranked         the passages retrieval ranks first for the question, best first
 * @param inventedNumber a number the answer states and its cited passages do not, or null
 */
record QuestionOutcome(LabelledQuestion labelled, List<Passage> ranked, AnswerAttempt attempt, String inventedNumber) {

    QuestionOutcome {
        ranked = List.copyOf(ranked);
    }

    /** 1-based rank of the first passage from the expected source; 0 when none is, or the question is out of scope. */
    int sourceRank() {
        return rankOf(passage -> passage.source().equals(labelled.expectedSource()));
    }

    /** Like {@link #sourceRank()}, for the expected section of the expected source. */
    int sectionRank() {
        return rankOf(passage -> passage.source().equals(labelled.expectedSource())
                && Objects.equals(passage.section(), labelled.expectedSection()));
    }

    boolean hitAt(int k) {
        int rank = sourceRank();
        return rank > 0 && rank <= k;
    }

    /** The rules would send this answer: it has text, no guardrail stopped it, and confidence meets their threshold. */
    boolean answered() {
        return attempt.found() && attempt.confidence() >= RuleThresholds.ANSWER;
    }

    /** The rules would escalate on the first message, without asking for details first. */
    boolean escalatedAtOnce() {
        // below the answer threshold a person takes over: a partial match no longer asks for details first
        return !attempt.found() || attempt.confidence() < RuleThresholds.ANSWER;
    }

    /** The answer sent would cite the expected source first. */
    boolean answeredRight() {
        return answered() && labelled.inScope() && !attempt.citations().isEmpty()
                && attempt.citations().get(0).source().equals(labelled.expectedSource());
    }

    private int rankOf(Predicate<Passage> expected) {
        if (!labelled.inScope()) {
            return 0;
        }
        for (int i = 0; i < ranked.size(); i++) {
            if (expected.test(ranked.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }
}
