package io.throughline.channel.telegram;

import io.throughline.conversation.MessageCitation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Telegram's names and limits, and how a cited answer reads as plain Telegram text. */
final class Telegram {

    static final String CHANNEL = "telegram";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** sendMessage takes 1-4096 characters of text. */
    static final int MAX_TEXT_LENGTH = 4_096;

    private Telegram() {
    }

    /**
     * The reply as one message: the text, then its sources on one line when they fit. Sent without a parse mode, so
     * nothing in the text needs escaping. Too long a text is cut with an ellipsis rather than refused by Telegram.
     */
    static String text(String text, List<MessageCitation> citations) {
        String body = text == null ? "" : text.strip();
        String sources = sources(citations);
        if (!sources.isEmpty() && body.length() + sources.length() <= MAX_TEXT_LENGTH) {
            return body + sources;
        }
        return cut(body, MAX_TEXT_LENGTH);
    }

    private static String sources(List<MessageCitation> citations) {
        Set<String> named = new LinkedHashSet<>();
        for (MessageCitation citation : citations) {
            String title = citation.title() == null ? "" : citation.title().strip();
            String source = citation.source() == null ? "" : citation.source().strip();
            if (title.isEmpty() || title.equals(source)) {
                named.add(source);
            } else {
                named.add(source.isEmpty() ? title : title + " (" + source + ")");
            }
        }
        named.remove("");
        return named.isEmpty() ? "" : "\n\nSources: " + String.join("; ", named);
    }

    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split an emoji in half
        }
        return text.substring(0, end) + "…";
    }
}
