package io.throughline.channel.twilio;

import io.throughline.conversation.MessageCitation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A reply as one SMS body: plain text, the sources on one compact line after it, within Twilio's limit of 1,600
 * characters. When the whole does not fit, the text is cut at a word and the sources stay.
 */
final class SmsText {

    static final int MAX_LENGTH = 1_600;
    private static final int MAX_SOURCES = 3;

    private SmsText() {
    }

    static String of(String text, List<MessageCitation> citations) {
        String body = text == null ? "" : text.strip();
        String sources = sources(citations);
        if (sources.isEmpty()) {
            return cut(body, MAX_LENGTH);
        }
        String suffix = "\n\n" + sources;
        if (suffix.length() > MAX_LENGTH / 4) {
            return cut(body, MAX_LENGTH); // sources that long would crowd out the answer: the answer wins
        }
        return cut(body, MAX_LENGTH - suffix.length()) + suffix;
    }

    /** "Sources: Shipping, Returns https://..." — titles, with the address when it is a web page. */
    private static String sources(List<MessageCitation> citations) {
        Set<String> entries = new LinkedHashSet<>();
        for (MessageCitation citation : citations) {
            String title = citation.title() == null || citation.title().isBlank() ? citation.source() : citation.title();
            String source = citation.source() == null ? "" : citation.source();
            entries.add(source.startsWith("http://") || source.startsWith("https://") ? title + " " + source : title);
        }
        return entries.isEmpty() ? "" : "Sources: " + String.join(", ", entries.stream().limit(MAX_SOURCES).toList());
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = text.lastIndexOf(' ', max - 1);
        return (end > max / 2 ? text.substring(0, end) : text.substring(0, max - 1)).stripTrailing() + "…";
    }
}
