package io.throughline.customer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes proving an email address or phone number. A code is six random digits, kept only as an HMAC keyed
 * with a salt of its own, good for ten minutes and five tries. Sending it is the caller's business (the channel that
 * reaches the address); the code itself never leaves this class but in {@link IssuedCode}.
 */
@Service
public class IdentityProofs {

    public static final Duration LIFETIME = Duration.ofMinutes(10);
    public static final int MAX_ATTEMPTS = 5;
    private static final Set<IdentityType> PROVABLE = Set.of(IdentityType.EMAIL, IdentityType.PHONE);
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final IdentityLinks links;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    IdentityProofs(JdbcClient jdbc, IdentityLinks links) {
        this(jdbc, links, Clock.systemUTC());
    }

    IdentityProofs(JdbcClient jdbc, IdentityLinks links, Clock clock) {
        this.jdbc = jdbc;
        this.links = links;
        this.clock = clock;
    }

    /** A code to send; {@code code} is the only copy in clear. */
    public record IssuedCode(UUID proofId, String code) {}

    /** What a code the customer typed came to. */
    public sealed interface Check {
        record Proven(Linked linked) implements Check {}

        record WrongCode(int attemptsLeft) implements Check {}

        /** Expired, used, or every attempt spent: a new code is needed. */
        record Gone(String why) implements Check {}

        /** No such proof for this claimant. */
        record Unknown() implements Check {}
    }

    public static boolean provable(IdentityType type) {
        return PROVABLE.contains(type);
    }

    /** Records a new code for {@code claimant} to prove {@code claimed}, to be sent {@code via} the named channel. */
    @Transactional
    public IssuedCode issue(Identity claimant, Identity claimed, String via) {
        if (!provable(claimed.type())) {
            throw new IllegalArgumentException("only an email address or a phone number can be proven by a code");
        }
        UUID id = UUID.randomUUID();
        String code = "%06d".formatted(random.nextInt(1_000_000));
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        OffsetDateTime now = now();
        jdbc.sql("insert into identity_proofs (id, claimant_type, claimant_value, identity_type, identity_value, code_hash, "
                        + "salt, sent_via, attempts, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(id, claimant.type().key(), claimant.value(), claimed.type().key(), claimed.value(),
                        hash(salt, code), HEX.formatHex(salt), via, now, now.plus(LIFETIME))
                .update();
        return new IssuedCode(id, code);
    }

    /** The code could not be sent: nobody can use it. */
    @Transactional
    public void withdraw(UUID proofId) {
        jdbc.sql("update identity_proofs set used_at = ? where id = ? and used_at is null").params(now(), proofId).update();
    }

    /**
     * Checks a code the claimant typed. Every try counts, the right one included; the sixth is refused whatever it
     * says. The right code links the identity to the claimant's customer (merging two customers if need be).
     */
    @Transactional
    public Check check(UUID proofId, Identity claimant, String code) {
        OffsetDateTime now = now();
        int counted = jdbc.sql("update identity_proofs set attempts = attempts + 1 where id = ? and claimant_type = ? "
                        + "and claimant_value = ? and used_at is null and attempts < ? and expires_at > ?")
                .params(proofId, claimant.type().key(), claimant.value(), MAX_ATTEMPTS, now).update();
        if (counted == 0) {
            return jdbc.sql("select used_at, attempts from identity_proofs where id = ? and claimant_type = ? "
                            + "and claimant_value = ?")
                    .params(proofId, claimant.type().key(), claimant.value())
                    .query((rs, n) -> (Check) new Check.Gone(rs.getObject(1) != null ? "this code was used already"
                            : rs.getInt(2) >= MAX_ATTEMPTS ? "every attempt for this code is spent" : "this code has expired"))
                    .optional()
                    .orElse(new Check.Unknown());
        }
        record Stored(Identity claimed, String hash, byte[] salt, int attempts) {}
        Stored stored = jdbc.sql("select identity_type, identity_value, code_hash, salt, attempts from identity_proofs where id = ?")
                .param(proofId)
                .query((rs, n) -> new Stored(new Identity(IdentityType.fromKey(rs.getString(1)), rs.getString(2)),
                        rs.getString(3), HEX.parseHex(rs.getString(4)), rs.getInt(5)))
                .single();
        boolean right = code != null && MessageDigest.isEqual(
                hash(stored.salt(), code).getBytes(StandardCharsets.US_ASCII),
                stored.hash().getBytes(StandardCharsets.US_ASCII));
        if (!right) {
            return new Check.WrongCode(MAX_ATTEMPTS - stored.attempts());
        }
        if (jdbc.sql("update identity_proofs set used_at = ? where id = ? and used_at is null").params(now, proofId).update() == 0) {
            return new Check.Gone("this code was used already");
        }
        return new Check.Proven(links.link(claimant, stored.claimed(), Proof.ONE_TIME_CODE));
    }

    private static String hash(byte[] salt, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
