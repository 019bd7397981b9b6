package io.throughline.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the line a Drools message is about when Drools gives none (line 0): some errors, such as an expression it cannot
 * analyse, come with the expression and the rule's name but no position, so the source is searched for them.
 */
final class MessageLines {

    private static final List<Pattern> QUOTED_SOURCE = List.of(
            Pattern.compile("Unable to Analyse Expression (.+?):\\s*$", Pattern.MULTILINE),
            Pattern.compile("\\[Near : \\{\\.\\.\\. (.+?) \\.\\.\\.\\.}]"),
            Pattern.compile("Unable to resolve ObjectType '([^']+)'"),
            Pattern.compile("Rule name='([^']+)'"));

    private MessageLines() {
    }

    /** The 1-based line of {@code source} the message quotes, or {@code 0} when it quotes none. */
    static int lineOf(String source, String message) {
        String[] lines = source.split("\n", -1);
        for (String quoted : quotes(message)) {
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(quoted) || lines[i].contains("rule \"" + quoted + "\"")) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    private static List<String> quotes(String message) {
        List<String> quotes = new ArrayList<>();
        for (Pattern pattern : QUOTED_SOURCE) {
            Matcher matcher = pattern.matcher(message);
            while (matcher.find()) {
                String quoted = matcher.group(1).strip();
                if (quoted.length() >= 3) {
                    quotes.add(quoted);
                }
            }
        }
        return quotes;
    }
}
