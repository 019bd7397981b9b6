package io.throughline.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMACs providers sign their webhooks with, and a comparison that does not leak how much of a guess was right. */
public final class Signatures {

    private Signatures() {}

    public static byte[] hmac(String algorithm, String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    /** Lower-case hex of HMAC-SHA256, as Meta (X-Hub-Signature-256) and Slack (v0=) send it. */
    public static String hmacSha256Hex(String secret, byte[] data) {
        return HexFormat.of().formatHex(hmac("HmacSHA256", secret, data));
    }

    /** Base64 of HMAC-SHA1, as Twilio sends it in X-Twilio-Signature. */
    public static String hmacSha1Base64(String secret, byte[] data) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", secret, data));
    }

    /** Constant-time comparison; false when either side is missing. */
    public static boolean same(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
