package io.throughline.knowledge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code knowledge_uploads} rows: uploaded files, so that every node ingests them whatever its own folder holds. An
 * upload counts over a folder file of the same name unless that file was changed after the upload.
 */
final class KnowledgeUploads {

    record Upload(String path, String contentHash, Instant uploadedAt) {
    }

    private final JdbcClient jdbc;

    KnowledgeUploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(String path, byte[] content) {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        String hash = ContentHash.sha256(content);
        int updated = jdbc.sql("update knowledge_uploads set content = ?, content_hash = ?, uploaded_at = ? where path = ?")
                .params(content, hash, now, path).update();
        if (updated == 0) {
            jdbc.sql("insert into knowledge_uploads (path, content, content_hash, uploaded_at) values (?, ?, ?, ?)")
                    .params(path, content, hash, now).update();
        }
    }

    /** Every upload, without its content. */
    Map<String, Upload> byPath() {
        return jdbc.sql("select path, content_hash, uploaded_at from knowledge_uploads")
                .query((rs, row) -> new Upload(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list().stream().collect(Collectors.toMap(Upload::path, Function.identity()));
    }

    Optional<byte[]> content(String path) {
        return jdbc.sql("select content from knowledge_uploads where path = ?").param(path)
                .query((rs, row) -> rs.getBytes(1)).optional();
    }
}
