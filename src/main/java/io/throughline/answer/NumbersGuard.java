package io.throughline.answer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the prices, dates, times, percentages and other numbers a text states, normalised so that the same fact matches
 * however it is written: "€19", "19 EUR" and "19.00" are all 19, "1,290" and "1.290,00" are 1290, "2 March 2026",
 * "March 2nd, 2026" and "2026-03-02" are the same day, "5 pm" and "17:00" the same time, "two" is 2. Units are not
 * compared: a number is a fact whatever follows it.
 */
final class NumbersGuard {

    /** One fact as written, and the keys it may stand for (a date such as 02/03/2026 reads two ways). */
    record Fact(String written, Set<String> keys) {
    }

    private static final String MONTH_NAMES = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern NUMERIC_DATE = Pattern.compile("\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})\\b");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTH_NAMES + ")\\b(?:,?\\s+(\\d{4}))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(" + MONTH_NAMES + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOCK_12 = Pattern.compile(
            "\\b(\\d{1,2})(?::(\\d{2}))?\\s*([ap])\\.?m\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOCK_24 = Pattern.compile("\\b(\\d{1,2}):(\\d{2})\\b");
    /** Grouped thousands (comma, dot, no-break or thin space) or a plain number, either with decimals; the currency sign
     * or percent is kept only to show the number as written. */
    private static final Pattern NUMBER = Pattern.compile(
            "(?:[€$£]\\s?)?(\\d{1,3}(?:[,.\\u00a0\\u202f]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?)(?:\\s?%)?");
    /** "1." or "2)" opening a line numbers a list item; it states nothing. */
    private static final Pattern LIST_NUMBER = Pattern.compile("(?m)^\\s*\\d{1,2}[.)]\\s+");
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("hundred", 100));
    private static final Pattern WORD = Pattern.compile("\\b(" + String.join("|", WORDS.keySet()) + ")\\b",
            Pattern.CASE_INSENSITIVE);

    private NumbersGuard() {
    }

    /** The first fact in the answer that none of the sources states. */
    static Optional<String> unsupported(String answer, List<String> sources) {
        // a source's "2 March 2026" also supports an answer's "2 March"; an answer's year must be in the source
        Set<String> stated = sources.stream().flatMap(source -> facts(source).stream())
                .flatMap(fact -> fact.keys().stream())
                .flatMap(key -> Stream.of(key, key.replaceFirst("/\\d+$", "")))
                .collect(Collectors.toSet());
        return facts(LIST_NUMBER.matcher(answer).replaceAll("")).stream()
                .filter(fact -> fact.keys().stream().noneMatch(stated::contains))
                .map(Fact::written)
                .findFirst();
    }

    static List<Fact> facts(String text) {
        List<Fact> facts = new ArrayList<>();
        StringBuilder rest = new StringBuilder(text);
        take(rest, ISO_DATE, facts, m -> dateKeys(m.group(1), Set.of(day(m.group(2), m.group(3)))));
        take(rest, NUMERIC_DATE, facts, m -> dateKeys(m.group(3),
                Set.of(day(m.group(2), m.group(1)), day(m.group(1), m.group(2)))));
        take(rest, DAY_MONTH, facts, m -> dateKeys(m.group(3), Set.of(day(month(m.group(2)), m.group(1)))));
        take(rest, MONTH_DAY, facts, m -> dateKeys(m.group(3), Set.of(day(month(m.group(1)), m.group(2)))));
        take(rest, CLOCK_12, facts, m -> Set.of(time(Integer.parseInt(m.group(1)) % 12
                + ("p".equalsIgnoreCase(m.group(3)) ? 12 : 0), m.group(2))));
        take(rest, CLOCK_24, facts, m -> Set.of(time(Integer.parseInt(m.group(1)), m.group(2))));
        take(rest, NUMBER, facts, m -> Set.of(normalise(m.group(1))));
        take(rest, WORD, facts, m -> Set.of(String.valueOf(WORDS.get(m.group(1).toLowerCase(Locale.ROOT)))));
        return facts;
    }

    /** A written number as a plain decimal without trailing zeros: "1,290.00" and "1.290" are both "1290". */
    static String normalise(String number) {
        String digits = number.replace("\u00a0", ",").replace("\u202f", ",");
        int lastComma = digits.lastIndexOf(',');
        int lastDot = digits.lastIndexOf('.');
        int last = Math.max(lastComma, lastDot);
        if (last >= 0 && !isGrouping(digits, last)) {
            digits = digits.substring(0, last).replaceAll("[,.]", "") + "." + digits.substring(last + 1);
        } else {
            digits = digits.replaceAll("[,.]", "");
        }
        return new BigDecimal(digits).stripTrailingZeros().toPlainString();
    }

    /** A separator is a thousands separator when it is repeated, or followed by exactly three digits after a non-zero. */
    private static boolean isGrouping(String number, int separator) {
        char kind = number.charAt(separator);
        boolean otherKindBefore = number.substring(0, separator).chars().anyMatch(c -> (c == ',' || c == '.') && c != kind);
        if (otherKindBefore) {
            return false;
        }
        boolean repeated = number.indexOf(kind) != separator;
        return repeated || (number.length() - separator - 1 == 3 && !number.startsWith("0"));
    }

    /** Records every match as a fact and blanks it out, so its digits are not read again as plain numbers. */
    private static void take(StringBuilder text, Pattern pattern, List<Fact> facts, Function<Matcher, Set<String>> keys) {
        Matcher matcher = pattern.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (matcher.find()) {
            facts.add(new Fact(matcher.group(), keys.apply(matcher)));
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        for (int[] span : spans) {
            for (int i = span[0]; i < span[1]; i++) {
                text.setCharAt(i, ' ');
            }
        }
    }

    /** A date's day and month, with "/year" when the year is written. */
    private static Set<String> dateKeys(String year, Set<String> days) {
        if (year == null) {
            return days;
        }
        String fullYear = year.length() == 2 ? "20" + year : year;
        return days.stream().map(day -> day + "/" + fullYear).collect(Collectors.toSet());
    }

    private static String day(String month, String day) {
        return String.format(Locale.ROOT, "date:%02d-%02d", Integer.parseInt(month), Integer.parseInt(day));
    }

    private static String month(String name) {
        List<String> months = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
        return String.valueOf(months.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) + 1);
    }

    private static String time(int hour, String minutes) {
        return String.format(Locale.ROOT, "time:%02d:%s", hour, minutes == null ? "00" : minutes);
    }
}
