package io.throughline.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a text or a file's bytes, in hex: how sources and the index notice change. */
final class ContentHash {

    private ContentHash() {
    }

    /**
     * What says how a source was ingested: change it whenever chunking, parsing or the embedding model changes, and every
     * stored source is ingested again at the next start (its stored hash no longer matches), on every node.
     */
    static final String INGEST_VERSION = "ingest-2 (chunker 1, all-MiniLM-L6-v2, language per chunk)";

    /** The hash a source is stored under: of its content's hash and the {@link #INGEST_VERSION}. */
    static String ofSource(String contentSha256) {
        return sha256(INGEST_VERSION + "\n" + contentSha256);
    }

    static String sha256(String content) {
        return sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    /** Of a UTF-8 file, the same as of its text, so stored hashes stay valid when a file is hashed by its bytes. */
    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
