package io.throughline.channel.webchat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What one node tells the others about web chat, as the payload of a PostgreSQL NOTIFY: {@code node kind subject}.
 * The subject is a customer id, or the SHA-256 of a visitor id: the visitor id is a bearer secret and never leaves the
 * node that received it, while a listening node can still hash the visitor ids of its own streams and compare.
 */
record PeerNotice(String node, Kind kind, String subject) {

    enum Kind {
        /** A message of this customer's became visible: their streams catch up. */
        TRANSCRIPT("t"),
        /** The visitor with this hash now belongs to a customer: their streams, opened before, learn whose they are. */
        VISITOR("v"),
        /** A merge or its undo moved identities between these customers (comma-separated): their streams follow. */
        MERGE("m");

        private final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    String payload() {
        return node + " " + kind.code + " " + subject;
    }

    static Optional<PeerNotice> parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(" ", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (kind.code.equals(parts[1])) {
                return Optional.of(new PeerNotice(parts[0], kind, parts[2]));
            }
        }
        return Optional.empty();
    }

    static String hash(String visitorId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(visitorId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
