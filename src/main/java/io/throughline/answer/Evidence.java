package io.throughline.answer;

import io.throughline.knowledge.Passage;
import java.util.List;

/**
 * What retrieval says about a question, as the confidence sees it: the top passage's score and its margin over the best
 * passage from another source (a clear winner is more trustworthy than a near tie between unrelated pages).
 */
public record Evidence(double topScore, double margin) {

    static final Evidence NONE = new Evidence(0, 0);

    static Evidence of(List<Passage> passages) {
        if (passages.isEmpty()) {
            return NONE;
        }
        Passage top = passages.get(0);
        return new Evidence(top.score(), top.score() - Answerer.bestFromAnotherSource(passages, top));
    }
}
