package io.throughline.booking;

import io.throughline.language.CalendarWords;
import io.throughline.language.Clocks;
import io.throughline.language.NumberWords;
import io.throughline.language.ReplyWords;
import io.throughline.language.Text;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the offered slots the customer picked, in any language the bot serves: "2", "option 2", "the second one",
 * "nummer twee", "die erste", "le premier", "la segunda", "Wednesday 10:00", "woensdag om 10 uur", "mercredi à 10h"; or
 * that they want other times ("andere tijden", "andere Zeiten", "autres horaires", "otras horas"), or no booking at all;
 * or something else entirely.
 *
 * @param index the picked slot (0-based) when {@code kind} is CHOSEN, else -1
 */
public record SlotChoice(Kind kind, int index) {

    public enum Kind { CHOSEN, MORE, DECLINE, OTHER;

        /** As the BPMN compares it: {@code ${slotChoice == 'chosen'}}. */
        public String key() {
            return switch (this) {
                case CHOSEN -> "chosen";
                case MORE -> "more";
                case DECLINE -> "decline";
                case OTHER -> "other";
            };
        }
    }

    private static final String TAKE = SlotWords.anyOf(SlotWords.TAKE);
    private static final String THE = SlotWords.anyOf(SlotWords.THE);
    private static final String OPTION = SlotWords.anyOf(SlotWords.OPTION);
    private static final String POLITELY = SlotWords.anyOf(SlotWords.POLITELY);
    /** The whole reply is a number, in digits or a word: "2", "option 3", "nummer twee", "die 2. bitte", "la dos". */
    private static final Pattern NUMBER = Pattern.compile("^(?:(?:" + TAKE + ")\\s+)?(?:(?:" + THE + ")\\s*)?(?:(?:" + OPTION
            + ")\\s*)?(\\d|" + NumberWords.cardinalsBetween(1, 9) + ")" + Text.END + "\\s*[,.]?\\s*(?:(?:" + POLITELY
            + ")" + Text.END + ")?[.!]*$");
    /**
     * "the second", "de tweede", "die erste", "der 2. Termin", "le premier", "la segunda", "2e", "the last one"; not a date
     * ("2nd March", "4. März"), "last week", "y cuarto" (a quarter past).
     */
    private static final Pattern ORDINAL = Pattern.compile(Text.START + "(?<!y )(" + NumberWords.ordinalWords()
            + "|[1-9]\\.(?=\\s+\\p{L}))" + Text.END + "(?!\\.?\\s*(?:of\\s+|de\\s+)?(?:" + CalendarWords.MONTH_WORDS + ")"
            + Text.END + ")(?!\\s+(?:week|woche|semaine|semana|keer|mal|fois|vez|time)" + Text.END + ")");
    private static final Pattern MORE = Pattern.compile(Text.START + "(?:" + SlotWords.anyOf(SlotWords.MORE) + ")" + Text.END);
    private static final List<Pattern> DECLINE = ReplyWords.DECLINE.values().stream().flatMap(List::stream)
            .map(phrase -> Pattern.compile("^(?:" + phrase + ")" + Text.END)).toList();

    /** @param offered how the offered slots were shown to the customer, in the order they were numbered */
    public static SlotChoice of(String text, List<String> offered) {
        String reply = text == null ? "" : Text.fold(text.strip());
        if (reply.endsWith("?") && !MORE.matcher(reply).find()) {
            return new SlotChoice(Kind.OTHER, -1);
        }
        Matcher number = NUMBER.matcher(reply);
        if (number.matches()) {
            String written = number.group(1);
            int index = (Character.isDigit(written.charAt(0)) ? Integer.parseInt(written) : NumberWords.cardinal(written)) - 1;
            return index >= 0 && index < offered.size() ? new SlotChoice(Kind.CHOSEN, index) : new SlotChoice(Kind.OTHER, -1);
        }
        if (MORE.matcher(reply).find()) {
            return new SlotChoice(Kind.MORE, -1);
        }
        if (DECLINE.stream().anyMatch(decline -> decline.matcher(reply).find())) {
            return new SlotChoice(Kind.DECLINE, -1);
        }
        Matcher ordinal = ORDINAL.matcher(reply);
        if (ordinal.find() && reply.length() < 60) {
            String word = ordinal.group(1);
            int index = NumberWords.isLast(word) ? offered.size() - 1
                    : word.endsWith(".") ? word.charAt(0) - '1' : NumberWords.ordinal(word) - 1;
            if (index < offered.size()) {
                return new SlotChoice(Kind.CHOSEN, index);
            }
        }
        return byTime(reply, offered);
    }

    /** The one offered slot at the time the reply names, on the weekday or date it names if it names one. */
    private static SlotChoice byTime(String reply, List<String> offered) {
        List<Clocks.Time> times = Clocks.findInReply(reply);
        if (times.isEmpty()) {
            return new SlotChoice(Kind.OTHER, -1);
        }
        Clocks.Time time = times.get(0);
        Set<Integer> hours = new HashSet<>(Set.of(time.hour()));
        if (!time.halfOfDay() && time.hour() >= 1 && time.hour() <= 7) {
            hours.add(time.hour() + 12); // nobody books at 3 in the night: "om 3 uur" is 15:00
        }
        Set<Integer> weekdays = CalendarWords.weekdays(reply);
        List<CalendarWords.Day> days = CalendarWords.days(reply);
        int found = -1;
        for (int i = 0; i < offered.size(); i++) {
            String shown = Text.fold(offered.get(i));
            List<Clocks.Time> shownTimes = Clocks.find(shown);
            if (shownTimes.isEmpty()) {
                continue;
            }
            Clocks.Time at = shownTimes.get(shownTimes.size() - 1);
            boolean sameTime = hours.contains(at.hour()) && at.minute() == time.minute();
            boolean sameWeekday = weekdays.isEmpty() || weekdays.contains(CalendarWords.printedWeekday(shown));
            List<CalendarWords.Day> shownDays = CalendarWords.days(shown);
            boolean sameDay = days.isEmpty() || days.stream().anyMatch(day -> shownDays.stream()
                    .anyMatch(onShown -> onShown.month() == day.month() && onShown.day() == day.day()));
            if (sameTime && sameWeekday && sameDay) {
                if (found >= 0) {
                    return new SlotChoice(Kind.OTHER, -1);
                }
                found = i;
            }
        }
        return found >= 0 ? new SlotChoice(Kind.CHOSEN, found) : new SlotChoice(Kind.OTHER, -1);
    }
}
