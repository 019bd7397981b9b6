package io.throughline.knowledge;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the knowledge lives and how it is cut and ranked.
 *
 * @param dir            the knowledge folder; {@code intents/} and {@code voice.yml} inside it are not ingested
 * @param maxChunkChars  sections longer than this are split on paragraph boundaries
 * @param semanticWeight share of the embedding similarity in a passage's score; the rest is the lexical match
 * @param indexDir       this node's Lucene index, derived from the database and rebuilt when missing or stale; one folder
 *                       per node (two processes cannot share it). Unset: the index lives in memory and is rebuilt at
 *                       every start
 */
@ConfigurationProperties("throughline.knowledge")
public record KnowledgeSettings(
        @DefaultValue("knowledge") Path dir,
        @DefaultValue("800") int maxChunkChars,
        @DefaultValue("0.7") double semanticWeight,
        Path indexDir) {

    public KnowledgeSettings {
        // a chunk is stored in a varchar(10000) column
        if (maxChunkChars < 200 || maxChunkChars > 10_000) {
            throw new IllegalArgumentException("throughline.knowledge.max-chunk-chars must be between 200 and 10000, was "
                    + maxChunkChars);
        }
        if (semanticWeight < 0 || semanticWeight > 1) {
            throw new IllegalArgumentException("throughline.knowledge.semantic-weight must be between 0 and 1, was "
                    + semanticWeight);
        }
    }

    /** The knowledge in {@code dir}, indexed in memory. */
    public static KnowledgeSettings of(Path dir) {
        return of(dir, null);
    }

    public static KnowledgeSettings of(Path dir, Path indexDir) {
        return new KnowledgeSettings(dir, 800, 0.7, indexDir);
    }
}
