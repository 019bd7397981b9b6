package io.throughline.channel.email;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SPF and DKIM verdicts of an {@code Authentication-Results} header (RFC 8601), as the receiving server wrote
 * them: {@code mx.example.com; spf=pass smtp.mailfrom=...; dkim=pass header.d=...}. Kept with the message, so an agent
 * can tell a verified sender from a forged one before trusting what the mail asks for.
 */
final class AuthenticationResults {

    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");
    private static final Pattern SPF = Pattern.compile("(?:^|[;\\s])spf\\s*=\\s*([a-z]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DKIM = Pattern.compile("(?:^|[;\\s])dkim\\s*=\\s*([a-z]+)", Pattern.CASE_INSENSITIVE);

    private AuthenticationResults() {
    }

    /**
     * The verdicts of the first header that has any: the topmost, added by the server that delivered the mail to our
     * mailbox (headers further down were written by servers on the way and prove less). Keys {@code spf} and
     * {@code dkim}, each present only when the header names it.
     */
    static Map<String, String> of(String[] headers) {
        Map<String, String> results = new LinkedHashMap<>();
        if (headers == null) {
            return results;
        }
        for (String header : headers) {
            String value = COMMENT.matcher(header.replaceAll("\\s+", " ")).replaceAll(" ");
            find(SPF, value).ifPresent(spf -> results.put("spf", spf));
            find(DKIM, value).ifPresent(dkim -> results.put("dkim", dkim));
            if (!results.isEmpty()) {
                break;
            }
        }
        return results;
    }

    private static Optional<String> find(Pattern pattern, String header) {
        Matcher matcher = pattern.matcher(header);
        return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
