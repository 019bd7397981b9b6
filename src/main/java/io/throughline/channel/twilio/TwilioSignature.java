package io.throughline.channel.twilio;

import io.throughline.channel.Signatures;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * Whether the signature matches the URL, or the same URL with its default port written out or left off: Twilio
     * signs the URL as it was configured, and its own validators accept both spellings (https://x and https://x:443).
     */
    static boolean valid(String authToken, String url, FormParameters parameters, String signature) {
        return Signatures.same(compute(authToken, url, parameters), signature)
                | Signatures.same(compute(authToken, otherPortSpelling(url), parameters), signature);
    }

    /** https://host/path and https://host:443/path are the same address; so are http and :80. */
    static String otherPortSpelling(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return url;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        if (defaultPort < 0 || uri.getRawAuthority() == null || uri.getHost() == null) {
            return url;
        }
        String authority = uri.getRawAuthority();
        String withoutPort = uri.getPort() == defaultPort ? authority.substring(0, authority.lastIndexOf(':')) : null;
        String other = uri.getPort() == -1 ? authority + ":" + defaultPort : withoutPort;
        return other == null ? url : url.replaceFirst(Pattern.quote(authority), Matcher.quoteReplacement(other));
    }
}
