package io.throughline.journey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Some engine errors come without a line: an expression that does not parse is reported as "Error parsing '${...}'".
 * The quoted source is looked for in the files, as written and as XML escapes it, to name file and line after all.
 */
final class QuotedSource {

    private static final Pattern QUOTED = Pattern.compile("Error parsing '(.+?)': ");

    private QuotedSource() {
    }

    /** {@code file:line:column} of the source the message quotes, else the files' folder with line 0. */
    static String locate(String message, List<Path> files) {
        Matcher quoted = QUOTED.matcher(String.valueOf(message));
        if (quoted.find()) {
            String source = quoted.group(1);
            for (Path file : files) {
                String at = find(file, source);
                if (at != null) {
                    return at;
                }
            }
        }
        return (files.isEmpty() ? Path.of(".") : files.get(0).getParent()) + ":0";
    }

    private static String find(Path file, String source) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return null;
        }
        for (String form : List.of(source, escaped(source), escaped(source).replace("&apos;", "'"),
                escaped(source).replace("&quot;", "\""))) {
            for (int i = 0; i < lines.size(); i++) {
                int column = lines.get(i).indexOf(form);
                if (column >= 0) {
                    return file + ":" + (i + 1) + ":" + (column + 1);
                }
            }
        }
        return null;
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
                .replace("\"", "&quot;");
    }
}
