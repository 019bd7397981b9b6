package io.throughline.knowledge.web;

import io.throughline.knowledge.ExplainedPassage;

/**
 * One line of {@code GET /api/knowledge/search}: the passage, its score (what the answerer's confidence is computed from),
 * and how the two retrievers ranked it ({@code bm25} or {@code vector} null when that side did not find it).
 */
record SearchHit(String title, String source, String section, String text, double score, int rank, double fused,
                 Side bm25, Side vector) {

    /** A retriever's rank (1 is its best) and score: BM25's unbounded score, or the embedding's cosine similarity. */
    record Side(int rank, double score) {
    }

    static SearchHit of(ExplainedPassage hit) {
        return new SearchHit(hit.passage().title(), hit.passage().source(), hit.passage().section(), hit.passage().text(),
                hit.passage().score(), hit.rank(), hit.fused(),
                hit.bm25Rank() == null ? null : new Side(hit.bm25Rank(), hit.bm25Score()),
                hit.vectorRank() == null ? null : new Side(hit.vectorRank(), hit.vectorSimilarity()));
    }
}
