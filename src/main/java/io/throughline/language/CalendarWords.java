package io.throughline.language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Months and weekdays in every language the bot serves, and the dates written with them ("2 maart", "2. März"). */
public final class CalendarWords {

    /** A day of a month; the year when it is written. */
    public record Day(int month, int day, Integer year) {
    }

    /** Folded month names and abbreviations, 1-based. */
    private static final Map<String, Integer> MONTHS = new HashMap<>();
    /** Folded English month names and abbreviations: only English writes the month before the day ("March 2nd"). */
    private static final Map<String, Integer> ENGLISH_MONTHS = new HashMap<>();
    /** Folded weekday names, ISO-numbered (Monday is 1). */
    private static final Map<String, Integer> WEEKDAYS = new HashMap<>();
    /** Short forms of weekdays as calendars print them ("Tue", "di", "Mi", "mer", "mié"); alone in a sentence most are
     * other words ("do", "so", "ma", "mar"), so they are read only where a day is printed. */
    private static final Map<String, Integer> WEEKDAY_SHORT = new HashMap<>();

    static {
        months(ENGLISH_MONTHS, "january february march april may june july august september october november december");
        months(ENGLISH_MONTHS, "jan feb mar apr may jun jul aug sep oct nov dec");
        ENGLISH_MONTHS.put("sept", 9);
        MONTHS.putAll(ENGLISH_MONTHS);
        months(MONTHS, "januari februari maart april mei juni juli augustus september oktober november december");
        months(MONTHS, "januar februar marz april mai juni juli august september oktober november dezember");
        months(MONTHS, "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre");
        months(MONTHS, "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre");
        months(MONTHS, "jan feb mrt apr mei jun jul aug sep okt nov dec");
        months(MONTHS, "jan feb mrz apr mai jun jul aug sep okt nov dez");
        months(MONTHS, "janv fevr mars avr mai juin juil aout sept oct nov dec");
        months(MONTHS, "ene feb mar abr may jun jul ago sep oct nov dic");
        MONTHS.put("maerz", 3);
        MONTHS.put("janner", 1);
        MONTHS.put("fev", 2);
        MONTHS.put("setiembre", 9);

        weekdays(WEEKDAYS, "monday tuesday wednesday thursday friday saturday sunday");
        weekdays(WEEKDAYS, "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag");
        weekdays(WEEKDAYS, "montag dienstag mittwoch donnerstag freitag samstag sonntag");
        weekdays(WEEKDAYS, "lundi mardi mercredi jeudi vendredi samedi dimanche");
        weekdays(WEEKDAYS, "lunes martes miercoles jueves viernes sabado domingo");
        WEEKDAYS.put("sonnabend", 6);
        // English abbreviations, as the journeys always read them ("Wed 10:00"); "mon" only before a time, see WEEKDAY
        weekdays(WEEKDAYS, "mon tue wed thu fri sat sun");
        weekdays(WEEKDAYS, "mon tues wed thur fri sat sun");
        weekdays(WEEKDAYS, "mon tue wed thurs fri sat sun");
        WEEKDAY_SHORT.putAll(WEEKDAYS);
        weekdays(WEEKDAY_SHORT, "ma di wo do vr za zo");
        weekdays(WEEKDAY_SHORT, "mo di mi do fr sa so");
        weekdays(WEEKDAY_SHORT, "lun mar mer jeu ven sam dim");
        weekdays(WEEKDAY_SHORT, "lun mar mie jue vie sab dom");
    }

    /** A regular expression for every folded month name and abbreviation, longest first. */
    public static final String MONTH_WORDS = Text.anyOf(MONTHS.keySet());
    private static final String MONTH = "(" + MONTH_WORDS + ")" + Text.END;
    /**
     * Day, then month, then perhaps the year, in folded text: "2 March 2026", "2nd of March", "2 maart", "2. März 2026",
     * "le 1er mars", "2 de marzo de 2026". Groups: day, month, year.
     */
    public static final Pattern DAY_MONTH = Pattern.compile(Text.START
            + "(\\d{1,2})(?:(?:st|nd|rd|th|ste|de|er|re|eme|e|º|ª|°)?\\s+|\\.\\s*)(?:of\\s+|de\\s+)?" + MONTH
            + "(?:\\.?,?\\s+(?:de\\s+|del\\s+)?(\\d{4})" + Text.END + ")?");
    /** Month, then day, then perhaps the year, in folded English: "March 2nd, 2026". Groups: month, day, year. */
    public static final Pattern MONTH_DAY = Pattern.compile(Text.START + "(" + Text.anyOf(ENGLISH_MONTHS.keySet()) + ")"
            + Text.END + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?" + Text.END + "(?:,?\\s+(\\d{4})" + Text.END + ")?");
    /** Weekdays as a sentence names them, in folded text ("woensdag", "el miércoles", "mittwochs", "Wed"). */
    private static final Pattern WEEKDAY = Pattern.compile(Text.START + "(" + Text.anyOf(WEEKDAYS.keySet()) + ")"
            + "(?:s|ochtend|middag|avond|morgen|vormittag|nachmittag|abend)?" + Text.END);
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private CalendarWords() {
    }

    private static void months(Map<String, Integer> months, String names) {
        String[] each = names.split(" ");
        for (int i = 0; i < each.length; i++) {
            months.put(each[i], i + 1);
        }
    }

    private static void weekdays(Map<String, Integer> weekdays, String names) {
        String[] each = names.split(" ");
        for (int i = 0; i < each.length; i++) {
            weekdays.put(each[i], i + 1);
        }
    }

    /** The month a folded name or abbreviation stands for, 1-based; 0 when none. */
    public static int month(String folded) {
        return MONTHS.getOrDefault(folded, 0);
    }

    /** The days of months a folded text names ("2 maart", "le 3 mars", "March 2nd"). */
    public static List<Day> days(String folded) {
        List<Day> days = new ArrayList<>();
        Matcher dayMonth = DAY_MONTH.matcher(folded);
        while (dayMonth.find()) {
            days.add(day(month(dayMonth.group(2)), dayMonth.group(1), dayMonth.group(3)));
        }
        Matcher monthDay = MONTH_DAY.matcher(folded);
        while (monthDay.find()) {
            days.add(day(month(monthDay.group(1)), monthDay.group(2), monthDay.group(3)));
        }
        return days;
    }

    private static Day day(int month, String day, String year) {
        return new Day(month, Integer.parseInt(day), year == null ? null : Integer.valueOf(year));
    }

    /**
     * The weekdays a folded sentence names, ISO-numbered; the English "mon" only before a time ("Mon 10:00"), since
     * French "mon" is "my".
     */
    public static Set<Integer> weekdays(String folded) {
        Set<Integer> weekdays = new LinkedHashSet<>();
        Matcher weekday = WEEKDAY.matcher(folded);
        while (weekday.find()) {
            boolean frenchMy = weekday.group(1).equals("mon")
                    && !folded.substring(weekday.end()).matches("(?s)[.,]?\\s*(\\d.*)?");
            if (!frenchMy) {
                weekdays.add(WEEKDAYS.get(weekday.group(1)));
            }
        }
        return weekdays;
    }

    /** The weekday a calendar prints first ("Tue 3 Mar", "wo 4 mrt", "Mi., 4. März"), ISO-numbered; 0 when none. */
    public static int printedWeekday(String folded) {
        Matcher word = WORD.matcher(folded);
        return word.find() ? WEEKDAY_SHORT.getOrDefault(word.group(), 0) : 0;
    }
}
