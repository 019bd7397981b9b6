package io.throughline.channel.meta;

import io.throughline.conversation.MessageCitation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * A reply's text within a provider's limit: the sources' titles are appended when they fit (plain text carries no
 * links), and a text over the limit is cut at a character boundary with an ellipsis rather than refused.
 */
public final class ReplyText {

    /** Length in UTF-16 characters, as most limits count. */
    public static final ToIntFunction<String> CHARACTERS = String::length;
    /** Length in UTF-8 bytes, as Instagram counts. */
    public static final ToIntFunction<String> UTF8_BYTES = s -> s.getBytes(StandardCharsets.UTF_8).length;

    private static final String ELLIPSIS = "…";

    private ReplyText() {
    }

    public static String compose(String text, List<MessageCitation> citations, ToIntFunction<String> size, int limit) {
        String body = text == null ? "" : text.strip();
        String titles = citations.stream().map(MessageCitation::title).filter(Objects::nonNull).map(String::strip)
                .filter(t -> !t.isEmpty()).distinct().collect(Collectors.joining("; "));
        if (!titles.isEmpty()) {
            String cited = body + "\n\nSources: " + titles;
            if (size.applyAsInt(cited) <= limit) {
                return cited;
            }
        }
        return cut(body, size, limit);
    }

    /** The text itself when it fits, else its longest beginning that fits with an ellipsis after it. */
    public static String cut(String text, ToIntFunction<String> size, int limit) {
        if (size.applyAsInt(text) <= limit) {
            return text;
        }
        // no limit counts fewer than one unit per char, so the text's first `limit` chars are where to start looking
        int end = Math.min(text.length(), limit);
        if (end > 0 && end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        while (end > 0 && size.applyAsInt(text.substring(0, end).stripTrailing() + ELLIPSIS) > limit) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
