package io.throughline.knowledge;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.VectorUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index over the chunks: BM25 over title, section heading and text (English analysis, each its own field) and
 * an HNSW graph of the unit-length embeddings, fused by reciprocal rank fusion. It is derived from the
 * {@code knowledge_chunks} rows and can always be thrown away: {@link #rebuild} replaces its whole content, and the
 * fingerprint of the rows it was built from is kept in the commit so a stale or missing index is noticed.
 */
final class LuceneIndex implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);

    /** Change when fields or analysis change: an index written by an older version is then rebuilt. */
    private static final String SCHEMA = "lucene-1";
    private static final String FINGERPRINT = "throughline.fingerprint";
    /** How deep each side looks before fusion. */
    private static final int CANDIDATES = 50;
    /** The usual RRF constant (Cormack et al. 2009): damps the weight of the very first ranks. */
    private static final int RRF_K = 60;

    private static final String SOURCE = "source";
    private static final String TITLE = "title";
    private static final String SECTION = "section";
    private static final String TEXT = "text";
    /** The words {@link Terms} finds in a chunk, indexed only for their document frequencies (see {@link #score}). */
    private static final String TERMS = "terms";
    private static final String VECTOR = "vector";

    private final Directory directory;
    private final Analyzer analyzer =
            new PerFieldAnalyzerWrapper(englishAnalyzer(), Map.of(TERMS, new WhitespaceAnalyzer()));
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final double semanticWeight;

    private LuceneIndex(Directory directory, IndexWriterConfig.OpenMode mode, double semanticWeight) throws IOException {
        this.directory = directory;
        this.semanticWeight = semanticWeight;
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(mode)
                // fewer flushes mean fewer HNSW graphs to merge while a large knowledge base is indexed
                .setRAMBufferSizeMB(128);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    static LuceneIndex inMemory(double semanticWeight) {
        try {
            return new LuceneIndex(new ByteBuffersDirectory(), IndexWriterConfig.OpenMode.CREATE, semanticWeight);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create an in-memory index", e);
        }
    }

    /**
     * Opens the index in the folder, or starts an empty one there when there is none or it cannot be read (damaged, or
     * written by another Lucene version): it is only derived data. Throws when another process holds the folder.
     */
    static LuceneIndex onDisk(Path folder, double semanticWeight) throws IOException {
        FSDirectory directory = FSDirectory.open(folder);
        try {
            try {
                return new LuceneIndex(directory, IndexWriterConfig.OpenMode.CREATE_OR_APPEND, semanticWeight);
            } catch (LockObtainFailedException e) {
                throw e;
            } catch (IOException | IllegalArgumentException e) {
                log.warn("The knowledge index in {} cannot be read ({}); it is rebuilt from the stored chunks",
                        folder, e.toString());
                for (String file : directory.listAll()) {
                    if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                        directory.deleteFile(file);
                    }
                }
                return new LuceneIndex(directory, IndexWriterConfig.OpenMode.CREATE, semanticWeight);
            }
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** The fingerprint given to the last {@link #rebuild} that was committed, or null for an empty or foreign index. */
    String fingerprint() {
        return StreamSupport.stream(writer.getLiveCommitData().spliterator(), false)
                .filter(entry -> entry.getKey().equals(FINGERPRINT))
                .map(Map.Entry::getValue)
                .filter(value -> value.startsWith(SCHEMA + ":"))
                .map(value -> value.substring(SCHEMA.length() + 1))
                .findFirst().orElse(null);
    }

    /** Replaces everything with these chunks in one commit; searches see the old content until it is done. */
    synchronized void rebuild(Iterable<IndexedChunk> chunks, String fingerprint) {
        try {
            writer.deleteAll();
            for (IndexedChunk chunk : chunks) {
                writer.addDocument(document(chunk));
            }
            writer.setLiveCommitData(Map.of(FINGERPRINT, SCHEMA + ":" + fingerprint).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rebuild the knowledge index", e);
        }
    }

    int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    int segments() {
        return withSearcher(searcher -> searcher.getIndexReader().leaves().size());
    }

    /** Best first by fused rank, at most {@code limit}. */
    List<ExplainedPassage> search(String query, float[] queryVector, int limit) {
        return withSearcher(searcher -> search(searcher, query, queryVector, limit));
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
        analyzer.close();
    }

    private List<ExplainedPassage> search(IndexSearcher searcher, String query, float[] queryVector, int limit)
            throws IOException {
        if (searcher.getIndexReader().numDocs() == 0) {
            return List.of();
        }
        int depth = Math.max(limit, CANDIDATES);
        Map<Integer, Candidate> candidates = new HashMap<>();
        Query keywords = keywordQuery(query);
        if (keywords != null) {
            ScoreDoc[] hits = searcher.search(keywords, depth).scoreDocs;
            for (int rank = 1; rank <= hits.length; rank++) {
                Candidate candidate = candidates.computeIfAbsent(hits[rank - 1].doc, Candidate::new);
                candidate.bm25Rank = rank;
                candidate.bm25Score = (double) hits[rank - 1].score;
                candidate.fused += 1.0 / (RRF_K + rank);
            }
        }
        float[] unitQuery = VectorUtil.l2normalize(queryVector.clone(), false);
        ScoreDoc[] nearest = searcher.search(new KnnFloatVectorQuery(VECTOR, unitQuery, depth), depth).scoreDocs;
        for (int rank = 1; rank <= nearest.length; rank++) {
            Candidate candidate = candidates.computeIfAbsent(nearest[rank - 1].doc, Candidate::new);
            candidate.vectorRank = rank;
            // DOT_PRODUCT scores unit vectors as (1 + cosine) / 2
            candidate.cosine = 2.0 * nearest[rank - 1].score - 1;
            candidate.fused += 1.0 / (RRF_K + rank);
        }
        List<Candidate> best = candidates.values().stream()
                .sorted(Comparator.comparingDouble((Candidate c) -> c.fused).reversed()
                        .thenComparingInt(c -> c.doc))
                .limit(limit)
                .toList();
        Set<String> queryTerms = Terms.of(query);
        List<ExplainedPassage> passages = new ArrayList<>();
        for (int i = 0; i < best.size(); i++) {
            Candidate candidate = best.get(i);
            if (candidate.vectorRank == null) {
                candidate.cosine = cosine(searcher.getIndexReader(), candidate.doc, unitQuery);
            }
            Document stored = searcher.storedFields().document(candidate.doc);
            String section = stored.get(SECTION);
            String title = stored.get(TITLE);
            String text = stored.get(TEXT);
            double score = score(searcher.getIndexReader(), queryTerms, candidate.cosine, title, section, text);
            passages.add(new ExplainedPassage(new Passage(title, stored.get(SOURCE), section, text, score), i + 1,
                    candidate.fused, candidate.bm25Rank, candidate.bm25Score, candidate.vectorRank, candidate.cosine));
        }
        return passages;
    }

    /**
     * The passage's score, which the answerer's {@code ConfidenceModel} was fitted on: the embedding cosine mixed with the
     * idf-weighted share of the query's words found in the chunk, both in [0,1], exactly as before Lucene. RRF decides
     * only the ORDER: its values (about 1/61 and below) say nothing about how well a passage matches, and BM25 scores are
     * unbounded, so neither could feed the calibrated confidence. The idf comes from the index's own document frequencies.
     */
    private double score(IndexReader reader, Set<String> queryTerms, double cosine, String title, String section,
                         String text) throws IOException {
        Set<String> chunkTerms = Terms.of(title + " " + (section == null ? "" : section) + " " + text);
        int documents = reader.numDocs();
        // unknown words get the highest idf: a query full of words the knowledge never uses should not match well
        double maxIdf = Math.log(1 + (double) Math.max(1, documents));
        double total = 0;
        double found = 0;
        for (String term : queryTerms) {
            int df = reader.docFreq(new Term(TERMS, term));
            double weight = df == 0 ? maxIdf : Math.log(1 + (double) documents / df);
            total += weight;
            if (chunkTerms.contains(term)) {
                found += weight;
            }
        }
        double lexical = total == 0 ? 0 : found / total;
        return Math.min(1, semanticWeight * Math.max(0, cosine) + (1 - semanticWeight) * lexical);
    }

    private static final int MAX_WORDS_PER_FIELD = 128;

    private Query keywordQuery(String query) throws IOException {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        boolean any = false;
        // Title and heading are fields of their own, so BM25's length normalisation already makes a word in a short heading
        // count more than the same word in a long text. Extra boosts (1.5 title, 2 heading) were tried and ranked, e.g.,
        // "Shipping costs" above the wholesale leasing section for "How much does it cost to lease a machine?".
        for (String field : List.of(TEXT, SECTION, TITLE)) {
            // each word once, and a bounded number of words: a 4,000-character message would otherwise pass Lucene's
            // limit of 1,024 clauses, and the first words of a long message say what it is about anyway
            for (String token : analyzed(field, query).stream().distinct().limit(MAX_WORDS_PER_FIELD).toList()) {
                builder.add(new TermQuery(new Term(field, token)), BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        return any ? builder.build() : null;
    }

    private List<String> analyzed(String field, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }

    private static double cosine(IndexReader reader, int doc, float[] unitQuery) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        FloatVectorValues vectors = leaf.reader().getFloatVectorValues(VECTOR);
        if (vectors == null || vectors.advance(doc - leaf.docBase) != doc - leaf.docBase) {
            return 0;
        }
        return VectorUtil.dotProduct(unitQuery, vectors.vectorValue());
    }

    private static Analyzer englishAnalyzer() {
        CharArraySet stopWords = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stopWords.addAll(Terms.STOP_WORDS);
        return new EnglishAnalyzer(stopWords);
    }

    private static Document document(IndexedChunk chunk) {
        Document document = new Document();
        document.add(new StringField(SOURCE, chunk.source(), Field.Store.YES));
        document.add(new TextField(TITLE, chunk.title(), Field.Store.YES));
        if (chunk.section() != null) {
            document.add(new TextField(SECTION, chunk.section(), Field.Store.YES));
        }
        document.add(new TextField(TEXT, chunk.text(), Field.Store.YES));
        String terms = String.join(" ", Terms.of(chunk.title() + " " + (chunk.section() == null ? "" : chunk.section())
                + " " + chunk.text()));
        document.add(new TextField(TERMS, terms, Field.Store.NO));
        // DOT_PRODUCT requires unit length; the stored embeddings are, up to float rounding, which this removes
        float[] unit = VectorUtil.l2normalize(chunk.vector().clone(), false);
        document.add(new KnnFloatVectorField(VECTOR, unit, VectorSimilarityFunction.DOT_PRODUCT));
        return document;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the knowledge index", e);
        }
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private static final class Candidate {
        final int doc;
        double fused;
        Integer bm25Rank;
        Double bm25Score;
        Integer vectorRank;
        double cosine;

        Candidate(int doc) {
            this.doc = doc;
        }
    }
}
