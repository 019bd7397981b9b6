package io.throughline.channel.slack;

import io.throughline.channel.Signatures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Slack's request signature: {@code v0=} and the hex HMAC-SHA256, keyed with the signing secret, of
 * {@code v0:{X-Slack-Request-Timestamp}:{raw body}}. A request whose timestamp is more than five minutes from now is
 * refused even when correctly signed: it could be a recorded request played again.
 */
final class SlackSignature {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final String signingSecret;
    private final Clock clock;

    SlackSignature(String signingSecret, Clock clock) {
        this.signingSecret = signingSecret;
        this.clock = clock;
    }

    static String sign(String signingSecret, String timestamp, byte[] body) {
        byte[] prefix = ("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8);
        byte[] base = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, base, 0, prefix.length);
        System.arraycopy(body, 0, base, prefix.length, body.length);
        return "v0=" + Signatures.hmacSha256Hex(signingSecret, base);
    }

    /** Why the request is refused, or empty when it is Slack's and recent. */
    Optional<String> refusal(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            return Optional.of("X-Slack-Request-Timestamp and X-Slack-Signature are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Optional.of("X-Slack-Request-Timestamp must be Unix seconds");
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return Optional.of("X-Slack-Request-Timestamp is more than 5 minutes from now: a replayed or delayed "
                    + "request (check this server's clock)");
        }
        if (!Signatures.same(sign(signingSecret, timestamp.strip(), body), signature.strip())) {
            return Optional.of("X-Slack-Signature does not match: sign v0:{timestamp}:{body} with the app's signing "
                    + "secret (setting throughline.channels.slack.signing-secret)");
        }
        return Optional.empty();
    }
}
