package io.throughline.answer;

import io.throughline.language.CalendarWords;
import io.throughline.language.Clocks;
import io.throughline.language.Language;
import io.throughline.language.NumberWords;
import io.throughline.language.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the prices, dates, times, percentages and other numbers a text states, normalised so that the same fact matches
 * however it is written: "€19", "19 EUR" and "19.00" are all 19, "1,290" and "1.290,00" are 1290, "4,95" is 4.95, "2 March
 * 2026", "March 2nd, 2026", "2 maart 2026", "2. März 2026", "le 2 mars 2026", "2 de marzo de 2026" and "2026-03-02" are the
 * same day, "5 pm", "17:00", "17 Uhr" and "17h" the same time, "two", "twee", "zwei", "deux" and "dos" are 2. Units are not
 * compared: a number is a fact whatever follows it.
 */
final class NumbersGuard {

    /** One fact as written, and the keys it may stand for (a date such as 02/03/2026 reads two ways). */
    record Fact(String written, Set<String> keys) {
    }

    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    /** 02/03/2026, 02.03.2026, 2-3-2026 (Dutch); with dashes only with the whole year, or "3-5-10" would be a date. */
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})\\b|\\b(\\d{1,2})-(\\d{1,2})-(\\d{4})\\b");
    /** Grouped thousands (comma, dot, no-break or thin space) or a plain number, either with decimals; the currency sign
     * or percent is kept only to show the number as written. */
    private static final Pattern NUMBER = Pattern.compile(
            "(?:[€$£]\\s?)?(\\d{1,3}(?:[,.\\u00a0\\u202f]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?)(?:\\s?%)?");
    /** A price grouped with plain spaces, as French writes it: "1 290 €", "1 290,00 euros". */
    private static final Pattern SPACED_PRICE = Pattern.compile(
            "\\b(\\d{1,3}(?: \\d{3})+(?:,\\d+)?)(?=\\s?(?:€|eur\\b|euros?\\b))");
    /** "1." or "2)" opening a line numbers a list item; it states nothing. A German date ("2. März") is no list item. */
    private static final Pattern LIST_NUMBER = Pattern.compile("(?m)^\\s*\\d{1,2}[.)]\\s++(?!(?:" + CalendarWords.MONTH_WORDS
            + ")(?![\\p{L}\\p{N}]))");

    private NumbersGuard() {
    }

    /** The first fact in the answer that none of the sources states. */
    static Optional<String> unsupported(String answer, List<String> sources) {
        // a source's "2 March 2026" also supports an answer's "2 March"; an answer's year must be in the source
        Set<String> stated = sources.stream().flatMap(source -> facts(source).stream())
                .flatMap(fact -> fact.keys().stream())
                .flatMap(key -> Stream.of(key, key.replaceFirst("/\\d+$", "")))
                .collect(Collectors.toSet());
        String composed = Text.composed(answer);
        return facts(LIST_NUMBER.matcher(Text.fold(composed)).replaceAll(match -> " ".repeat(match.group().length())),
                composed).stream()
                .filter(fact -> fact.keys().stream().noneMatch(stated::contains))
                .map(Fact::written)
                .findFirst();
    }

    static List<Fact> facts(String text) {
        String composed = Text.composed(text);
        return facts(Text.fold(composed), composed);
    }

    /**
     * @param folded the text {@link Text#fold folded}, where the patterns look
     * @param written the text as written, character for character: what a fact shows, and where number words are read
     *     (Spanish "tres" is 3, French "très" is not)
     */
    private static List<Fact> facts(String folded, String written) {
        Reading text = new Reading(folded, written);
        text.take(ISO_DATE, m -> dateKeys(m.group(1), Set.of(day(m.group(2), m.group(3)))));
        text.take(NUMERIC_DATE, m -> m.group(1) != null
                ? dateKeys(m.group(3), Set.of(day(m.group(2), m.group(1)), day(m.group(1), m.group(2))))
                : dateKeys(m.group(6), Set.of(day(m.group(5), m.group(4)))));
        text.take(CalendarWords.DAY_MONTH, m -> dateKeys(m.group(3), Set.of(day(month(m.group(2)), m.group(1)))));
        text.take(CalendarWords.MONTH_DAY, m -> dateKeys(m.group(3), Set.of(day(month(m.group(1)), m.group(2)))));
        for (Clocks.Time time : Clocks.find(text.unread.toString())) {
            // "24 uur", "10 heures" may be a number of hours as well as a time of day
            text.take(time.start(), time.end(), time.alsoDuration()
                    ? Set.of(time(time.hour(), time.minute()), String.valueOf(time.hour()))
                    : Set.of(time(time.hour(), time.minute())));
        }
        text.take(SPACED_PRICE, m -> Set.of(normalise(m.group(1).replace(" ", ""))));
        text.take(NUMBER, m -> Set.of(normalise(m.group(1))));
        for (NumberWords.Found number : NumberWords.find(text.unreadAsWritten.toString(), Language.guess(written))) {
            text.take(number.start(), number.end(), Set.of(String.valueOf(number.value())));
        }
        return text.facts;
    }

    /** A text being read fact by fact; each fact read is blanked out, so its digits and words are not read again. */
    private static final class Reading {

        private final String written;
        private final StringBuilder unread;
        private final StringBuilder unreadAsWritten;
        private final List<Fact> facts = new ArrayList<>();

        Reading(String folded, String written) {
            this.written = written;
            this.unread = new StringBuilder(folded);
            this.unreadAsWritten = new StringBuilder(written);
        }

        void take(Pattern pattern, Function<Matcher, Set<String>> keys) {
            Matcher matcher = pattern.matcher(unread);
            List<int[]> spans = new ArrayList<>();
            while (matcher.find()) {
                facts.add(new Fact(written.substring(matcher.start(), matcher.end()), keys.apply(matcher)));
                spans.add(new int[] {matcher.start(), matcher.end()});
            }
            spans.forEach(span -> blank(span[0], span[1]));
        }

        void take(int start, int end, Set<String> keys) {
            facts.add(new Fact(written.substring(start, end).strip(), keys));
            blank(start, end);
        }

        private void blank(int start, int end) {
            for (int i = start; i < end; i++) {
                unread.setCharAt(i, ' ');
                unreadAsWritten.setCharAt(i, ' ');
            }
        }
    }

    /** A written number as a plain decimal without trailing zeros: "1,290.00" and "1.290" are both "1290". */
    static String normalise(String number) {
        String digits = number.replace("\u00a0", "").replace("\u202f", ""); // a space only ever groups thousands
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

    private static String month(String folded) {
        return String.valueOf(CalendarWords.month(folded));
    }

    private static String time(int hour, int minutes) {
        return String.format(Locale.ROOT, "time:%02d:%02d", hour, minutes);
    }
}
