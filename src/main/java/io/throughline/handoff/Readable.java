package io.throughline.handoff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * JSON-shaped data (a customer's attributes, the details gathered) as lines a person reads: {@code orderNumber} becomes
 * "Order number", a list of orders one bullet each. Values under names that look like credentials are hidden, because
 * task variables are kept in the engine's history.
 */
final class Readable {

    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api[_ -]?key|credential|\\bpin\\b|cvv).*");
    private static final Pattern WORD_BREAK = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|[_\\-\\s]+");
    static final String BULLET = "  • ";

    private Readable() {
    }

    /** One line per entry ("Plan: plus"); a list of objects continues with one bulleted line per item. */
    static List<String> lines(Map<String, ?> object) {
        List<String> lines = new ArrayList<>();
        object.forEach((key, value) -> {
            String label = label(key);
            if (isSecret(key)) {
                lines.add(label + ": (hidden)");
            } else if (value instanceof Collection<?> items && !items.isEmpty()
                    && items.stream().anyMatch(item -> item instanceof Map<?, ?>)) {
                lines.add(label + ":");
                items.forEach(item -> lines.add(BULLET + inline(item)));
            } else {
                lines.add(label + ": " + inline(value));
            }
        });
        return lines;
    }

    /** A key as a label: {@code orderNumber}, {@code order_number} and {@code order-number} read "Order number". */
    static String label(String key) {
        List<String> words = new ArrayList<>();
        for (String word : WORD_BREAK.split(key.strip())) {
            if (!word.isEmpty()) {
                words.add(word.equals(word.toUpperCase(Locale.ROOT)) ? word : word.toLowerCase(Locale.ROOT));
            }
        }
        if (words.isEmpty()) {
            return key;
        }
        String first = words.get(0);
        words.set(0, first.substring(0, 1).toUpperCase(Locale.ROOT) + first.substring(1));
        return String.join(" ", words);
    }

    /** A value on one line: an object as "name: value · name: value", a list comma-separated. */
    static String inline(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Boolean yes) {
            return yes ? "yes" : "no";
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "—" : map.entrySet().stream()
                    .map(e -> label(String.valueOf(e.getKey())).toLowerCase(Locale.ROOT) + ": "
                            + (isSecret(String.valueOf(e.getKey())) ? "(hidden)" : inline(e.getValue())))
                    .collect(Collectors.joining(" · "));
        }
        if (value instanceof Collection<?> items) {
            return items.isEmpty() ? "none" : items.stream().map(Readable::inline).collect(Collectors.joining(", "));
        }
        return value.toString().strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static boolean isSecret(String key) {
        return SECRET.matcher(key).matches();
    }
}
