package io.throughline.eval.business;

import io.throughline.decision.Action;
import io.throughline.eval.LabelledQuestion;

/**
 * What the bot does with a question that opens a conversation, as the general-support journey does it: the action the
 * rules decide, the source its answer cites first (when it answers), and the language of the bot's own words.
 */
record FirstReply(LabelledQuestion question, Action action, String firstSource, double confidence, String language) {

    boolean answered() {
        return action == Action.ANSWER && firstSource != null;
    }

    boolean rightSourceFirst() {
        return question.inScope() && answered() && firstSource.equals(question.expectedSource());
    }

    /** An answer to what the knowledge does not cover, or from another source than the one that answers it. */
    boolean answeredWrongly() {
        return answered() && !rightSourceFirst();
    }

    boolean handedOver() {
        return action == Action.ESCALATE || (action == Action.ANSWER && firstSource == null);
    }

    boolean askedForDetails() {
        return action == Action.GATHER_DETAILS;
    }

    boolean inCustomersLanguage() {
        return question.language().equals(language);
    }
}
