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

    private static final Pattern DRL_POSITION = Pattern.compile("Line (\\d+):(\\d+)");

    private MessageLines() {
    }

    /**
     * A Drools message on one line, as a list of problems needs it: the caret line and the "[Near : ...]" echo of the
     * expression are dropped, "[Error: x]" becomes x.
     */
    static String oneLine(String message) {
        StringBuilder line = new StringBuilder();
        for (String part : message.strip().split("\\R")) {
            String text = part.strip();
            if (text.isEmpty() || text.matches("\\^+") || text.startsWith("[Near : ")) {
                continue;
            }
            if (text.startsWith("[Error: ") && text.endsWith("]")) {
                text = text.substring("[Error: ".length(), text.length() - 1);
            }
            line.append(line.isEmpty() ? "" : " ").append(text);
        }
        return line.toString();
    }

    /** The column Drools gives in the text ("Line 88:52") when its message has none; else {@code column}. */
    static int columnOf(String message, int line, int column) {
        Matcher position = DRL_POSITION.matcher(message);
        if (column <= 0 && position.find() && Integer.parseInt(position.group(1)) == line) {
            return Integer.parseInt(position.group(2));
        }
        return column;
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
