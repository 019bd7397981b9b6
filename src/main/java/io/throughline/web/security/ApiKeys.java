package io.throughline.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Server-to-server keys: those in the configuration (by their SHA-256) and those an admin created (stored by their
 * SHA-256 too). A presented key is hashed and compared with every known hash in constant time, so neither the timing
 * nor an early exit tells a caller how close a guess came.
 */
@Component
class ApiKeys {

    /** A key that matched: its name (safe to log) and what it may do. */
    record KeyHolder(String name, List<Role> roles) {}

    /** A key as the admin API lists it; the key itself is never stored, so it is never listed. */
    record StoredKey(String id, String name, List<Role> roles, String createdBy, OffsetDateTime createdAt,
                     OffsetDateTime revokedAt) {}

    private record Candidate(String name, byte[] hash, List<Role> roles) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final List<SecuritySettings.ConfiguredKey> configured;
    private final JdbcClient jdbc;

    ApiKeys(SecuritySettings settings, JdbcClient jdbc) {
        this.configured = settings.apiKeys();
        this.jdbc = jdbc;
        for (int n = 0; n < configured.size(); n++) {
            SecuritySettings.ConfiguredKey key = configured.get(n);
            if (key.keyHash() == null || !key.keyHash().strip().matches("[0-9a-fA-F]{64}") || key.roles().isEmpty()) {
                throw new IllegalStateException("throughline.security.api-keys[" + n + "] (" + key.name() + ") needs "
                        + "key-hash, the SHA-256 of the key as 64 hex digits (printf %s KEY | sha256sum), and roles");
            }
        }
    }

    Optional<KeyHolder> holder(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        KeyHolder match = null;
        for (Candidate candidate : candidates()) {
            // no early exit: every candidate is compared, whatever matched before
            if (MessageDigest.isEqual(presented, candidate.hash()) && match == null) {
                match = new KeyHolder(candidate.name(), candidate.roles());
            }
        }
        return Optional.ofNullable(match);
    }

    /** A new random key with these roles; the returned key is the only copy there will ever be. */
    String create(String id, String name, List<Role> roles, String createdBy) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String key = "tlk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbc.sql("insert into api_keys (id, name, key_hash, roles, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, name, HexFormat.of().formatHex(sha256(key)), joined(roles), createdBy,
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return key;
    }

    List<StoredKey> stored() {
        return jdbc.sql("select id, name, roles, created_by, created_at, revoked_at from api_keys order by created_at")
                .query((rs, n) -> new StoredKey(rs.getString("id"), rs.getString("name"), roles(rs.getString("roles")),
                        rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class)))
                .list();
    }

    boolean revoke(UUID id) {
        return jdbc.sql("update api_keys set revoked_at = ? where id = ? and revoked_at is null")
                .params(OffsetDateTime.now(ZoneOffset.UTC), id.toString()).update() > 0;
    }

    private List<Candidate> candidates() {
        List<Candidate> all = new ArrayList<>();
        for (SecuritySettings.ConfiguredKey key : configured) {
            all.add(new Candidate(key.name(), hexOrEmpty(key.keyHash()), key.roles()));
        }
        all.addAll(jdbc.sql("select name, key_hash, roles from api_keys where revoked_at is null")
                .query((rs, n) -> new Candidate(rs.getString("name"), hexOrEmpty(rs.getString("key_hash")),
                        roles(rs.getString("roles"))))
                .list());
        return all;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] hexOrEmpty(String hex) {
        try {
            return hex == null ? new byte[0] : HexFormat.of().parseHex(hex.strip().toLowerCase());
        } catch (IllegalArgumentException e) {
            return new byte[0];   // matches nothing
        }
    }

    private static String joined(List<Role> roles) {
        return String.join(",", roles.stream().map(Role::name).toList());
    }

    private static List<Role> roles(String joined) {
        return Arrays.stream(joined.split(",")).map(Role::named).flatMap(Optional::stream).toList();
    }
}
