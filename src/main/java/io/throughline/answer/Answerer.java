package io.throughline.answer;

import java.nio.file.Path;
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

    private final Retrieval retrieval;
    private final ConfidenceCalibrations calibrations;
    private final AnswerSettings settings;
    private final AnswerWriter writer;

    /**
     * The offline, extractive answerer, calibrated as the app calibrates it: on the knowledge it is given and the
     * business's labelled questions beside it, if any (nothing stored).
     */
    public Answerer(KnowledgeBase knowledgeBase, Embeddings embeddings, AnswerSettings settings) {
        this(knowledgeBase, embeddings, settings, CalibrationSettings.defaults(),
                ConfidenceCalibrations.labelledQuestions(knowledgeBase.folder()));
    }

    /**
     * With other calibration settings (evaluations choose them on other businesses).
     *
     * @param labelledQuestions the business's labelled questions, or null to calibrate on the content alone
     */
    public Answerer(KnowledgeBase knowledgeBase, Embeddings embeddings, AnswerSettings settings,
                    CalibrationSettings calibration, Path labelledQuestions) {
        this(new Retrieval(knowledgeBase), ConfidenceCalibrations.inMemory(knowledgeBase, calibration, labelledQuestions),
                settings, new ExtractiveWriter(embeddings, settings.maxSentences()));
    }

    /** With another writer (a chat model), calibrated on the knowledge it is given. */
    Answerer(KnowledgeBase knowledgeBase, AnswerSettings settings, AnswerWriter writer) {
        this(new Retrieval(knowledgeBase), ConfidenceCalibrations.inMemory(knowledgeBase, CalibrationSettings.defaults(),
                ConfidenceCalibrations.labelledQuestions(knowledgeBase.folder())), settings, writer);
    }

    @Autowired
    Answerer(Retrieval retrieval, ConfidenceCalibrations calibrations, AnswerSettings settings, AnswerWriter writer) {
        this.retrieval = retrieval;
        this.calibrations = calibrations;
        this.settings = settings;
        this.writer = writer;
    }

    public AnswerAttempt answer(String question) {
        String query = Retrieval.query(question);
        List<Passage> passages = retrieval.passages(question);
        if (passages.isEmpty()) {
            return new AnswerAttempt(question, null, List.of(), 0);
        }
        double confidence = calibrations.model().confidence(Evidence.of(passages));
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
        return Evidence.of(retrieval.passages(question));
    }

    /** The confidence curve in use, fitted to the knowledge as it is now. */
    public ConfidenceModel confidenceModel() {
        return calibrations.model();
    }

    static double bestFromAnotherSource(List<Passage> passages, Passage top) {
        return passages.stream()
                .filter(passage -> !passage.source().equals(top.source()))
                .mapToDouble(Passage::score)
                .findFirst()
                .orElse(0);
    }
}
