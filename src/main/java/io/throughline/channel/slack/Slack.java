package io.throughline.channel.slack;

import io.throughline.conversation.MessageCitation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Slack's names and limits, and its text format: {@code &}, {@code <} and {@code >} are escaped, links are {@code <url|title>}. */
final class Slack {

    static final String CHANNEL = "slack";
    static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    static final String SIGNATURE_HEADER = "X-Slack-Signature";
    static final String RETRY_HEADER = "X-Slack-Retry-Num";
    /** chat.postMessage truncates text past 40,000 characters; better to cut it ourselves, visibly. */
    static final int MAX_TEXT_LENGTH = 40_000;

    private Slack() {
    }

    /** The reply as Slack text: escaped, with its sources as links (or file names) on a last line when they fit. */
    static String text(String text, List<MessageCitation> citations) {
        String body = escape(text == null ? "" : text.strip());
        String sources = sources(citations);
        if (!sources.isEmpty() && body.length() + sources.length() <= MAX_TEXT_LENGTH) {
            return body + sources;
        }
        if (body.length() <= MAX_TEXT_LENGTH) {
            return body;
        }
        int end = MAX_TEXT_LENGTH - 1;
        if (Character.isHighSurrogate(body.charAt(end - 1))) {
            end--;
        }
        return body.substring(0, end) + "…";
    }

    /** What the customer typed: Slack escapes exactly these three characters in message text. */
    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String sources(List<MessageCitation> citations) {
        Set<String> named = new LinkedHashSet<>();
        for (MessageCitation citation : citations) {
            String title = citation.title() == null ? "" : citation.title().strip();
            String source = citation.source() == null ? "" : citation.source().strip();
            String label = title.isEmpty() ? source : title;
            if (source.startsWith("https://") || source.startsWith("http://")) {
                named.add("<" + source.replace("|", "%7C").replace(">", "%3E") + "|" + escape(label).replace("|", "/") + ">");
            } else if (!label.isEmpty()) {
                named.add(escape(title.isEmpty() || title.equals(source) || source.isEmpty()
                        ? label : title + " (" + source + ")"));
            }
        }
        return named.isEmpty() ? "" : "\n\nSources: " + String.join(", ", named);
    }
}
