package io.throughline.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code knowledge_sources} and {@code knowledge_chunks} rows. */
@Repository
public class KnowledgeSources {

    /** Marks a source whose chunks are being written; a run that dies midway leaves it, so the next run redoes it. */
    private static final String PENDING = "pending";
    /** Column widths of {@code V2__knowledge.sql}. */
    private static final int TITLE_CHARS = 500;
    private static final int SECTION_CHARS = 500;

    private static final String SOURCES = """
            select s.path, s.title, c.text
            from knowledge_sources s left join knowledge_chunks c on c.source_id = s.id and c.position = 0""";

    private final JdbcClient jdbc;

    public KnowledgeSources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The uploaded files, which every node ingests whatever its own folder holds. */
    KnowledgeUploads uploads() {
        return new KnowledgeUploads(jdbc);
    }

    /** Every source whose chunks are all written, by title. */
    public List<Source> sources() {
        return jdbc.sql(SOURCES + " where s.content_hash <> ? order by lower(s.title), s.path")
                .param(PENDING)
                .query(KnowledgeSources::source)
                .list();
    }

    /** The source stored under this path, if its chunks are all written. */
    public Optional<Source> source(String path) {
        return jdbc.sql(SOURCES + " where s.path = ? and s.content_hash <> ?")
                .params(path, PENDING)
                .query(KnowledgeSources::source)
                .optional();
    }

    /** Every source whose chunks are all written, with its chunk count and when it was stored, by path. */
    public List<SourceSummary> summaries() {
        return jdbc.sql("""
                        select s.path, s.title, count(c.id), s.ingested_at
                        from knowledge_sources s left join knowledge_chunks c on c.source_id = s.id
                        where s.content_hash <> ?
                        group by s.id, s.path, s.title, s.ingested_at
                        order by s.path""")
                .param(PENDING)
                .query((rs, row) -> new SourceSummary(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Content hash by path, for every stored source. */
    Map<String, String> hashesByPath() {
        return jdbc.sql("select path, content_hash from knowledge_sources")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void replace(String path, String title, String contentHash, List<Chunk> chunks, List<float[]> vectors) {
        delete(path);
        jdbc.sql("insert into knowledge_sources (path, title, content_hash, ingested_at) values (?, ?, ?, ?)")
                .params(path, fit(title, TITLE_CHARS), PENDING, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .update();
        long sourceId = jdbc.sql("select id from knowledge_sources where path = ?").param(path).query(Long.class).single();
        for (int i = 0; i < chunks.size(); i++) {
            jdbc.sql("insert into knowledge_chunks (source_id, position, section, text, embedding) values (?, ?, ?, ?, ?)")
                    .params(sourceId, i, fit(chunks.get(i).section(), SECTION_CHARS), chunks.get(i).text(),
                            VectorCodec.toBytes(vectors.get(i)))
                    .update();
        }
        jdbc.sql("update knowledge_sources set content_hash = ? where id = ?").params(contentHash, sourceId).update();
    }

    void delete(String path) {
        jdbc.sql("delete from knowledge_chunks where source_id in (select id from knowledge_sources where path = ?)")
                .param(path).update();
        jdbc.sql("delete from knowledge_sources where path = ?").param(path).update();
    }

    List<IndexedChunk> allChunks() {
        return jdbc.sql("""
                        select s.title, s.path, c.section, c.text, c.embedding
                        from knowledge_chunks c join knowledge_sources s on s.id = c.source_id
                        where s.content_hash <> ?
                        order by s.path, c.position""")
                .param(PENDING)
                .query((rs, row) -> new IndexedChunk(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        VectorCodec.toVector(rs.getBytes(5))))
                .list();
    }

    private static Source source(ResultSet rs, int row) throws SQLException {
        return new Source(rs.getString(1), rs.getString(2), rs.getString(3));
    }

    /**
     * Changes whenever a source is added, changed or removed, or a run left one half-written: the index built from the
     * rows carries it, so a node notices that its index is stale.
     */
    String fingerprint() {
        List<String> sources = jdbc.sql("select path, content_hash from knowledge_sources")
                .query((rs, row) -> rs.getString(1) + "\t" + rs.getString(2))
                .list().stream().sorted().toList();
        long chunks = jdbc.sql("select count(*) from knowledge_chunks").query(Long.class).single();
        return ContentHash.sha256(String.join("\n", sources) + "\n" + chunks);
    }

    private static String fit(String text, int maxChars) {
        return text == null || text.length() <= maxChars ? text : text.substring(0, maxChars - 1) + "…";
    }
}
