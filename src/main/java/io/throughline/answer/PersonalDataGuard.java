package io.throughline.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds what identifies a customer (email addresses, phone numbers, order numbers), so that an answer carries only those
 * the business publishes in its sources or the asking customer wrote themselves, never another customer's.
 */
final class PersonalDataGuard {

    /** An identifier as written, of a kind ("an email address"), compared by its key (lower case, digits only...). */
    record Identifier(String kind, String written, String key) {
    }

    private record Kind(String name, Pattern pattern, UnaryOperator<String> key) {
    }

    /** Dates look like short phone numbers: 2026-03-02, 02.03.2026. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}");
    private static final List<Kind> KINDS = List.of(
            new Kind("an email address", Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"),
                    written -> written.toLowerCase(Locale.ROOT)),
            new Kind("an order number", Pattern.compile(
                    "(?i:\\border\\s*(?:no\\.?|nr\\.?|number|#)?(?:\\s*is|\\s*:)?\\s*#?([a-z]{0,4}-?\\d[\\w-]{3,}))"
                            + "|#(\\d{4,})\\b|\\b([A-Z]{2,4}-\\d{4,})\\b"),
                    PersonalDataGuard::alphanumeric),
            new Kind("a phone number", Pattern.compile(
                    "(?<![\\w.])(?:\\+\\d{1,3}[\\s.-]?)?(?:\\(\\d{1,4}\\)[\\s.-]?)?\\d{1,4}(?:[\\s.-]\\d{1,4}){2,}(?![\\w])"
                            + "|\\+?\\b\\d{9,15}\\b"),
                    PersonalDataGuard::alphanumeric));

    private PersonalDataGuard() {
    }

    /** The first identifier in the answer that neither the sources nor the customer's own message contain. */
    static Optional<Identifier> foreign(String answer, List<String> allowed) {
        Set<String> known = allowed.stream().flatMap(text -> identifiers(text).stream()).map(Identifier::key)
                .collect(Collectors.toSet());
        return identifiers(answer).stream().filter(identifier -> !known.contains(identifier.key())).findFirst();
    }

    static List<Identifier> identifiers(String text) {
        List<Identifier> found = new ArrayList<>();
        StringBuilder rest = new StringBuilder(text);
        for (Kind kind : KINDS) {
            Matcher matcher = kind.pattern().matcher(rest);
            List<int[]> spans = new ArrayList<>();
            while (matcher.find()) {
                String written = matcher.group();
                if (kind.name().endsWith("phone number")
                        && (DATE.matcher(written).matches() || written.replaceAll("\\D", "").length() < 8)) {
                    continue;
                }
                String value = lastGroup(matcher);
                found.add(new Identifier(kind.name(), written, kind.key().apply(value)));
                spans.add(new int[] {matcher.start(), matcher.end()});
            }
            spans.forEach(span -> blank(rest, span));
        }
        return found;
    }

    /** The text with its identifiers blanked out: their digits are not prices or dates. */
    static String withoutIdentifiers(String text) {
        StringBuilder rest = new StringBuilder(text);
        for (Identifier identifier : identifiers(text)) {
            int at = rest.indexOf(identifier.written());
            if (at >= 0) {
                blank(rest, new int[] {at, at + identifier.written().length()});
            }
        }
        return rest.toString();
    }

    private static String lastGroup(Matcher matcher) {
        for (int group = matcher.groupCount(); group >= 1; group--) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return matcher.group();
    }

    private static String alphanumeric(String written) {
        return written.replaceAll("[^\\p{Alnum}]", "").toUpperCase(Locale.ROOT);
    }

    private static void blank(StringBuilder text, int[] span) {
        for (int i = span[0]; i < span[1]; i++) {
            text.setCharAt(i, ' ');
        }
    }
}
