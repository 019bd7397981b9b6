package io.throughline.answer;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.throughline.knowledge.Embeddings;
import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.Passage;

/**
 * Answers from the knowledge base only: retrieves passages, lets the {@link AnswerWriter} write from them, cites what it
 * used, says how sure it is, and holds back any answer the {@link Guardrails} stop.
 */
@Component
public class Answerer {

    private static final Logger log = LoggerFactory.getLogger(Answerer.class);
    private static final int CANDIDATES = 8;

    private final KnowledgeBase knowledgeBase;
    private final AnswerSettings settings;
    private final AnswerWriter writer;
    private final ConfidenceModel confidenceModel = ConfidenceModel.fitted();

    /** The offline, extractive answerer. */
    public Answerer(KnowledgeBase knowledgeBase, Embeddings embeddings, AnswerSettings settings) {
        this(knowledgeBase, settings, new ExtractiveWriter(embeddings, settings.maxSentences()));
    }

    @Autowired
    Answerer(KnowledgeBase knowledgeBase, AnswerSettings settings, AnswerWriter writer) {
        this.knowledgeBase = knowledgeBase;
        this.settings = settings;
        this.writer = writer;
    }

    public AnswerAttempt answer(String question) {
        String query = question == null ? "" : InstructionGuard.withoutInstructions(question);
        List<Passage> passages = knowledgeBase.search(query, CANDIDATES);
        if (passages.isEmpty()) {
            return new AnswerAttempt(question, null, List.of(), 0);
        }
        double confidence = confidenceModel.confidence(Evidence.of(passages));
        if (confidence < settings.minConfidence()) {
            return new AnswerAttempt(question, null, List.of(), confidence);
        }
        Draft draft = writer.write(query, passages);
        if (!draft.hasText()) {
            return new AnswerAttempt(question, null, List.of(), confidence);
        }
        List<Citation> citations = draft.cited().stream()
                .map(passage -> new Citation(passage.title(), passage.source(), passage.section())).toList();
        var blocked = Guardrails.blockedBecause(draft.text(), draft.cited(), question);
        if (blocked.isPresent()) {
            log.info("An answer was blocked: {}", blocked.get());
            return AnswerAttempt.blocked(question, citations, confidence, blocked.get());
        }
        return new AnswerAttempt(question, draft.text(), citations, confidence);
    }

    /** What confidence is computed from for this question: the evidence its retrieval gives (for calibrating it). */
    public Evidence evidence(String question) {
        String query = question == null ? "" : InstructionGuard.withoutInstructions(question);
        return Evidence.of(knowledgeBase.search(query, CANDIDATES));
    }

    static double bestFromAnotherSource(List<Passage> passages, Passage top) {
        return passages.stream()
                .filter(passage -> !passage.source().equals(top.source()))
                .mapToDouble(Passage::score)
                .findFirst()
                .orElse(0);
    }
}
