package io.throughline.eval;

import java.util.List;
import java.util.Objects;

import io.throughline.answer.AnswerAttempt;
import io.throughline.answer.Answerer;
import io.throughline.answer.Citation;
import io.throughline.answer.GroundingCheck;
import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.Passage;

/** Puts every labelled question to retrieval and to the answerer, and re-checks each answer against what it cites. */
public final class AnswerEvaluation {

    /** Passages kept per question for hit@k and MRR. */
    static final int RANKED = 10;
    /** Passages searched to find the ones an answer cites again: far more than the answerer's own candidates. */
    private static final int SEARCHED = 50;

    private final KnowledgeBase knowledgeBase;
    private final Answerer answerer;

    public AnswerEvaluation(KnowledgeBase knowledgeBase, Answerer answerer) {
        this.knowledgeBase = knowledgeBase;
        this.answerer = answerer;
    }

    public EvalReport run(List<LabelledQuestion> questions) {
        return new EvalReport(questions.stream().map(this::evaluate).toList());
    }

    QuestionOutcome evaluate(LabelledQuestion labelled) {
        List<Passage> searched = knowledgeBase.search(labelled.question(), SEARCHED);
        AnswerAttempt attempt = answerer.answer(labelled.question());
        String invented = attempt.found() ? inventedNumber(attempt, searched) : null;
        return new QuestionOutcome(labelled, searched.subList(0, Math.min(RANKED, searched.size())), attempt, invented);
    }

    /** A cited passage that cannot be found again supports nothing: every number in its answer counts as invented. */
    static String inventedNumber(AnswerAttempt attempt, List<Passage> searched) {
        List<String> cited = searched.stream()
                .filter(passage -> attempt.citations().stream().anyMatch(citation -> cites(citation, passage)))
                .map(Passage::text)
                .toList();
        return GroundingCheck.unsupportedNumber(attempt.text(), cited).orElse(null);
    }

    private static boolean cites(Citation citation, Passage passage) {
        return citation.source().equals(passage.source()) && Objects.equals(citation.section(), passage.section());
    }
}
