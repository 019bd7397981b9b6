package io.throughline.conversation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer's satisfaction rating, 1 to 5, with an optional comment, as they write it: {@code 5},
 * {@code 4 - quick and friendly}, {@code 3/5}, {@code ⭐⭐⭐}, {@code ★★★★ great}. A message ending in a question mark is a
 * question, never a rating.
 */
public record Rating(int score, String comment) {

    private static final Pattern NUMBER = Pattern.compile(
            "([1-5])(?:\\s*(?:/\\s*5|out of 5|of 5|stars?))?(?:\\s*[-–—:,.;!)]+\\s*|\\s+|$)(.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern STARS = Pattern.compile("([⭐★]{1,5})(?:\\s*[-–—:,.;!)]+\\s*|\\s+|$)(.*)", Pattern.DOTALL);

    public Rating {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("a rating is 1 to 5, not " + score);
        }
        comment = comment == null ? "" : comment.strip();
    }

    public static Optional<Rating> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String written = text.replace("\uFE0F", "").replaceAll("(?<=[⭐★])\\s+(?=[⭐★])", "").strip();
        if (written.isEmpty() || written.endsWith("?")) {
            return Optional.empty();
        }
        Matcher number = NUMBER.matcher(written);
        if (number.matches()) {
            return Optional.of(new Rating(Integer.parseInt(number.group(1)), number.group(2)));
        }
        Matcher stars = STARS.matcher(written);
        if (stars.matches()) {
            return Optional.of(new Rating(stars.group(1).length(), stars.group(2)));
        }
        return Optional.empty();
    }
}
