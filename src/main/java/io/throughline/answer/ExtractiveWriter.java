package io.throughline.answer;

import java.util.List;

import io.throughline.knowledge.Embeddings;
import io.throughline.knowledge.Passage;

/** The offline default: quotes the best passage (its sentences closest to the question when it is long). */
final class ExtractiveWriter implements AnswerWriter {

    private final Embeddings embeddings;
    private final SentencePicker sentencePicker;

    ExtractiveWriter(Embeddings embeddings, int maxSentences) {
        this.embeddings = embeddings;
        this.sentencePicker = new SentencePicker(embeddings, maxSentences);
    }

    @Override
    public Draft write(String question, List<Passage> passages) {
        if (passages.isEmpty()) {
            return Draft.none();
        }
        Passage top = passages.get(0);
        String text = sentencePicker.pick(question, embeddings.embed(question), top.text());
        return text.isBlank() ? Draft.none() : new Draft(text, List.of(top));
    }
}
