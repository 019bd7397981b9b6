package io.throughline.knowledge;

/**
 * A passage with how retrieval found it, for people debugging retrieval.
 *
 * @param rank             1 for the best passage
 * @param fused            the reciprocal-rank-fusion value that ordered the passages (a sum of 1/(60 + rank))
 * @param bm25Rank         its rank among the keyword (BM25) matches, or null when it has none of the query's words
 * @param bm25Score        its BM25 score, or null likewise
 * @param vectorRank       its rank among the nearest embeddings, or null when it was not among them
 * @param vectorSimilarity the cosine similarity of its embedding to the query's
 */
public record ExplainedPassage(Passage passage, int rank, double fused, Integer bm25Rank, Double bm25Score,
                               Integer vectorRank, double vectorSimilarity) {
}
