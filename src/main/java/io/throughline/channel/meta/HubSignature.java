package io.throughline.channel.meta;

import io.throughline.channel.Signatures;

/**
 * Meta's webhook signature: {@code X-Hub-Signature-256: sha256=<lower-case hex HMAC-SHA256 of the body, keyed with the
 * app secret>} (Meta for Developers, Webhooks, "Validate payloads"). Meta signs the body exactly as sent, non-ASCII
 * characters escaped as {@code \\uXXXX}, so only the raw request bytes verify; re-encoded JSON does not.
 */
public final class HubSignature {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private HubSignature() {
    }

    /** The header value Meta sends for this body. */
    public static String of(String appSecret, byte[] body) {
        return PREFIX + Signatures.hmacSha256Hex(appSecret, body);
    }

    /** Whether the header carries this body's signature; false when it is missing or not {@code sha256=...}. */
    public static boolean valid(String appSecret, byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        return Signatures.same(of(appSecret, body == null ? new byte[0] : body), header.strip());
    }
}
