package io.throughline.knowledge;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Splits text into lowercase content words with a crude plural strip, for the lexical half of retrieval. */
final class Terms {

    /** Also BM25's stop words: question words and pronouns match nearly every chunk and rank noise first. */
    static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as",
            "is", "are", "was", "were", "be", "been", "do", "does", "did", "can", "could", "would", "should", "will",
            "i", "me", "my", "you", "your", "we", "our", "us", "it", "its", "this", "that", "these", "those", "what",
            "how", "when", "where", "which", "who", "why", "there", "have", "has", "had", "not", "no", "so", "than",
            "then", "any", "all", "get", "please", "about", "into", "up", "out", "much", "many", "long");

    private Terms() {
    }

    static Set<String> of(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() > 1 && !STOP_WORDS.contains(word))
                .map(Terms::stem)
                .collect(Collectors.toSet());
    }

    private static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
