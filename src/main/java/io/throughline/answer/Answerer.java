package io.throughline.answer;

import java.util.List;

import org.springframework.stereotype.Component;

import io.throughline.knowledge.Embeddings;
import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.Passage;

/** Answers from the knowledge base only: quotes the best passage, cites it, and says how sure it is. */
@Component
public class Answerer {

    private static final int CANDIDATES = 8;

    private final KnowledgeBase knowledgeBase;
    private final Embeddings embeddings;
    private final AnswerSettings settings;
    private final ConfidenceModel confidenceModel = new ConfidenceModel();
    private final SentencePicker sentencePicker;

    public Answerer(KnowledgeBase knowledgeBase, Embeddings embeddings, AnswerSettings settings) {
        this.knowledgeBase = knowledgeBase;
        this.embeddings = embeddings;
        this.settings = settings;
        this.sentencePicker = new SentencePicker(embeddings, settings.maxSentences());
    }

    public AnswerAttempt answer(String question) {
        String query = question == null ? "" : InstructionGuard.withoutInstructions(question);
        List<Passage> passages = knowledgeBase.search(query, CANDIDATES);
        if (passages.isEmpty()) {
            return new AnswerAttempt(question, null, List.of(), 0);
        }
        Passage top = passages.get(0);
        double confidence = confidenceModel.confidence(top.score(), top.score() - bestFromAnotherSource(passages, top));
        if (confidence < settings.minConfidence()) {
            return new AnswerAttempt(question, null, List.of(), confidence);
        }
        String text = sentencePicker.pick(query, embeddings.embed(query), top.text());
        if (text.isBlank()) {
            return new AnswerAttempt(question, null, List.of(), confidence);
        }
        return new AnswerAttempt(question, text, List.of(new Citation(top.title(), top.source(), top.section())), confidence);
    }

    private static double bestFromAnotherSource(List<Passage> passages, Passage top) {
        return passages.stream()
                .filter(passage -> !passage.source().equals(top.source()))
                .mapToDouble(Passage::score)
                .findFirst()
                .orElse(0);
    }
}
