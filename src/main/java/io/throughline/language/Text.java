package io.throughline.language;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Text as the parsers compare it. */
public final class Text {

    /** Before a word: no letter or digit (spelled out, so it does not hang on how a JDK defines {@code \b}). */
    public static final String START = "(?<![\\p{L}\\p{N}])";
    /** After a word: no letter or digit. */
    public static final String END = "(?![\\p{L}\\p{N}])";

    private Text() {
    }

    /** Composed, as customers' keyboards and the model write it: "e" plus a combining accent becomes "é". */
    public static String composed(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Lower case without accents, one character for one character of the {@link #composed} text, so a match in the folded
     * text points at the same place in the written one: "Ça MARCHE" is "ca marche", "März" "marz"; "ß" stays, curly
     * apostrophes become straight ones.
     */
    public static String fold(String text) {
        String composed = composed(text);
        StringBuilder folded = new StringBuilder(composed.length());
        for (int i = 0; i < composed.length(); i++) {
            folded.append(fold(composed.charAt(i)));
        }
        return folded.toString();
    }

    private static char fold(char c) {
        if (c < 128) {
            return Character.toLowerCase(c);
        }
        if (c == '\u2019' || c == '\u2018' || c == '\u02bc') {
            return '\'';
        }
        if (Character.isSurrogate(c)) {
            return c;
        }
        return Character.toLowerCase(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0));
    }

    /** A regular expression matching any of the words, longest first (so "september" wins over "sep"). */
    public static String anyOf(Collection<String> words) {
        return words.stream().distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(word -> word.matches("[\\p{L}' ]+") ? word : Pattern.quote(word))
                .collect(Collectors.joining("|"));
    }
}
