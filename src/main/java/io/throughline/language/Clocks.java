package io.throughline.language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times of day as each language writes them: "10:30", "5 pm", "om 14.30 uur", "um 14 Uhr", "à 15h30", "a las 10", "von 9
 * bis 17 Uhr", "a las 3 de la tarde".
 */
public final class Clocks {

    /**
     * A time found in a text.
     *
     * @param alsoDuration written as a bare hour that may as well be a number of hours ("24h", "binnen 2 uur", "10 heures")
     * @param halfOfDay whether am, pm or "in the afternoon" says which half of the day
     */
    public record Time(int start, int end, int hour, int minute, boolean alsoDuration, boolean halfOfDay) {
    }

    /** "zehn Uhr", "a las diez"; not the words for one, which are mostly "an" ("binnen een uur", "une heure"). */
    private static final String HOUR_WORD = NumberWords.cardinalsBetween(2, 12);
    private static final String HOUR = "(\\d{1,2}|" + HOUR_WORD + ")";
    /** A range whose end says it is a time, so its start is one too: "9-17 Uhr", "van 9 tot 17 uur", "de 9h à 17h". */
    private static final Pattern RANGE = Pattern.compile(Text.START
            + "(\\d{1,2})\\s*(?:-|–|bis|tot|to|until|till|a|a las)\\s*"
            + "(?=\\d{1,2}(?:[:.h]\\d{2})?\\s*(?:uur|uhr|h|heures?|[ap]\\.?m)" + Text.END + ")");
    private static final Pattern TWELVE_HOUR = Pattern.compile(Text.START + HOUR + "(?::(\\d{2}))?\\s*([ap])\\.?m"
            + Text.END);
    private static final Pattern WITH_MINUTES = Pattern.compile(Text.START + "(\\d{1,2})(?::|\\s?h\\s?)(\\d{2})" + Text.END
            + "(?:\\s*(?:uur|uhr|h)" + Text.END + ")?");
    /** "14.30" is a price unless "uur", "Uhr" or "h" follows. */
    private static final Pattern DOT_MINUTES = Pattern.compile(Text.START + "(\\d{1,2})\\.(\\d{2})\\s*(?:uur|uhr|h)"
            + Text.END);
    private static final Pattern UHR_MINUTES = Pattern.compile(Text.START + HOUR + "\\s*uhr\\s+(\\d{2})" + Text.END);
    private static final Pattern BARE_HOUR = Pattern.compile(Text.START + HOUR + "\\s*(uhr|uur|heures?|h)" + Text.END);
    private static final Pattern LAS = Pattern.compile(Text.START + "(?:a|de|desde|hasta)\\s+las?\\s+" + HOUR
            + "(?:[:.h](\\d{2}))?(?:\\s*h)?" + Text.END);
    private static final Pattern DOT_MINUTES_ALONE = Pattern.compile(Text.START + "(\\d{1,2})\\.(\\d{2})" + Text.END);
    /** An hour after "at" in a reply ("at 10", "om 10", "um 10", "à 10"): read only where a time is expected. */
    private static final Pattern AT_HOUR = Pattern.compile(Text.START + "(?:at|om|um|a|vers|gegen|rond|sobre)\\s+" + HOUR
            + Text.END + "(?![.,:]\\d)");
    private static final Pattern AFTERNOON = Pattern.compile("\\s*(?:'s middags|'s avonds|nachmittags|abends|am nachmittag"
            + "|am abend|de l'apres-midi|du soir|de la tarde|de la noche|in the afternoon|in the evening)" + Text.END);

    private Clocks() {
    }

    /** The times in a folded text, in order. */
    public static List<Time> find(String folded) {
        return find(folded, false);
    }

    /**
     * As {@link #find(String)}, reading a reply that picks a time, where "10.30" cannot be a price and "at 10", "om 10",
     * "um 10", "à 10" name an hour.
     */
    public static List<Time> findInReply(String folded) {
        return find(folded, true);
    }

    private static List<Time> find(String folded, boolean reply) {
        StringBuilder rest = new StringBuilder(folded);
        List<Time> times = new ArrayList<>();
        take(rest, RANGE, times, m -> new int[] {hour(m.group(1)), 0}, true);
        take(rest, TWELVE_HOUR, times, m -> new int[] {hour(m.group(1)) % 12 + (m.group(3).equals("p") ? 12 : 0),
                minutes(m.group(2))}, false);
        take(rest, WITH_MINUTES, times, m -> new int[] {hour(m.group(1)), minutes(m.group(2))}, false);
        take(rest, DOT_MINUTES, times, m -> new int[] {hour(m.group(1)), minutes(m.group(2))}, false);
        take(rest, UHR_MINUTES, times, m -> new int[] {hour(m.group(1)), minutes(m.group(2))}, false);
        take(rest, BARE_HOUR, times, m -> new int[] {hour(m.group(1)), 0}, false);
        take(rest, LAS, times, m -> new int[] {hour(m.group(1)), minutes(m.group(2))}, false);
        if (reply) {
            take(rest, DOT_MINUTES_ALONE, times, m -> new int[] {hour(m.group(1)), minutes(m.group(2))}, false);
            take(rest, AT_HOUR, times, m -> new int[] {hour(m.group(1)), 0}, false);
        }
        times.sort(Comparator.comparingInt(Time::start));
        List<Time> afternoon = new ArrayList<>();
        for (Time time : times) {
            Matcher after = AFTERNOON.matcher(folded).region(time.end(), folded.length());
            if (!time.halfOfDay() && after.lookingAt()) {
                afternoon.add(new Time(time.start(), after.end(), time.hour() < 12 ? time.hour() + 12 : time.hour(),
                        time.minute(), false, true));
            } else {
                afternoon.add(time);
            }
        }
        return afternoon;
    }

    private static void take(StringBuilder rest, Pattern pattern, List<Time> times, Function<Matcher, int[]> reading,
            boolean range) {
        Matcher matcher = pattern.matcher(rest);
        List<int[]> spans = new ArrayList<>();
        while (matcher.find()) {
            int[] time = reading.apply(matcher);
            if (time[0] < 0 || time[0] > 24 || time[1] > 59) {
                continue;
            }
            String written = matcher.group().strip();
            boolean halfOfDay = pattern == TWELVE_HOUR;
            boolean alsoDuration = range || pattern == BARE_HOUR && !written.endsWith("uhr");
            int end = range ? matcher.start(1) + matcher.group(1).length() : matcher.end();
            times.add(new Time(matcher.start(), end, time[0], time[1], alsoDuration, halfOfDay));
            spans.add(new int[] {matcher.start(), end});
        }
        for (int[] span : spans) {
            for (int i = span[0]; i < span[1]; i++) {
                rest.setCharAt(i, ' ');
            }
        }
    }

    private static int hour(String written) {
        return Character.isDigit(written.charAt(0)) ? Integer.parseInt(written) : NumberWords.cardinal(written);
    }

    private static int minutes(String written) {
        return written == null ? 0 : Integer.parseInt(written);
    }
}
