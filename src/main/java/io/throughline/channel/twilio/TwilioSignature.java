package io.throughline.channel.twilio;

import io.throughline.channel.Signatures;
import java.nio.charset.StandardCharsets;

/**
 * Twilio's {@code X-Twilio-Signature}: Base64 of HMAC-SHA1, keyed with the account's auth token, over the URL Twilio
 * called (with its query string) followed by every POST parameter's name and value, sorted by name, with no
 * separators. See https://www.twilio.com/docs/usage/webhooks/webhooks-security.
 */
final class TwilioSignature {

    private TwilioSignature() {
    }

    static String compute(String authToken, String url, FormParameters parameters) {
        StringBuilder signed = new StringBuilder(url);
        parameters.sortedForSigning().forEach(p -> signed.append(p.name()).append(p.value()));
        return Signatures.hmacSha1Base64(authToken, signed.toString().getBytes(StandardCharsets.UTF_8));
    }

    static boolean valid(String authToken, String url, FormParameters parameters, String signature) {
        return Signatures.same(compute(authToken, url, parameters), signature);
    }
}
