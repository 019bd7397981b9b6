package io.throughline.booking;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the offered slots the customer picked: "2", "option 2", "the second one", "Wednesday 10:00"; or that they
 * want other times, or no booking at all; or something else entirely.
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

    private static final Pattern NUMBER = Pattern.compile(
            "^(?:option|number|no\\.?|nr\\.?|slot|#)?\\s*(\\d)\\s*(?:please|pls|thanks|thank you|works|is fine|sounds good)?[.!]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> ORDINALS = Map.of("first", 0, "1st", 0, "second", 1, "2nd", 1,
            "third", 2, "3rd", 2, "fourth", 3, "4th", 3, "fifth", 4, "5th", 4);
    private static final Pattern ORDINAL = Pattern.compile("\\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile("\\b(\\d{1,2})[:.h](\\d{2})\\b");
    private static final Pattern MORE = Pattern.compile(
            "\\b(other times?|another (?:time|day|slot)|later|earlier|different (?:time|day)|none of (?:these|them|those)|"
                    + "next week|more (?:times|slots|options)|something else)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECLINE = Pattern.compile(
            "^(no|nope|no thanks|no, thanks|never ?mind|forget it|not now|not anymore|cancel|stop|don'?t bother)\\b",
            Pattern.CASE_INSENSITIVE);

    /** @param offered how the offered slots were shown to the customer, in the order they were numbered */
    public static SlotChoice of(String text, List<String> offered) {
        String reply = text == null ? "" : text.strip();
        if (reply.endsWith("?") && !MORE.matcher(reply).find()) {
            return new SlotChoice(Kind.OTHER, -1);
        }
        Matcher number = NUMBER.matcher(reply);
        if (number.matches()) {
            int index = Integer.parseInt(number.group(1)) - 1;
            return index >= 0 && index < offered.size() ? new SlotChoice(Kind.CHOSEN, index) : new SlotChoice(Kind.OTHER, -1);
        }
        if (MORE.matcher(reply).find()) {
            return new SlotChoice(Kind.MORE, -1);
        }
        if (DECLINE.matcher(reply).find()) {
            return new SlotChoice(Kind.DECLINE, -1);
        }
        Matcher ordinal = ORDINAL.matcher(reply);
        if (ordinal.find() && reply.length() < 60) {
            String word = ordinal.group(1).toLowerCase(Locale.ROOT);
            int index = word.equals("last") ? offered.size() - 1 : ORDINALS.get(word);
            if (index < offered.size()) {
                return new SlotChoice(Kind.CHOSEN, index);
            }
        }
        Matcher time = TIME.matcher(reply);
        if (time.find()) {
            String hhmm = String.format(Locale.ROOT, "%02d:%s", Integer.parseInt(time.group(1)), time.group(2));
            String lower = reply.toLowerCase(Locale.ROOT);
            int found = -1;
            for (int i = 0; i < offered.size(); i++) {
                String shown = offered.get(i).toLowerCase(Locale.ROOT);
                boolean sameDay = shown.length() < 3 || !Pattern.compile("\\b(mon|tue|wed|thu|fri|sat|sun)").matcher(lower).find()
                        || lower.contains(shown.substring(0, 3));
                if (shown.contains(hhmm) && sameDay) {
                    if (found >= 0) {
                        return new SlotChoice(Kind.OTHER, -1);
                    }
                    found = i;
                }
            }
            if (found >= 0) {
                return new SlotChoice(Kind.CHOSEN, found);
            }
        }
        return new SlotChoice(Kind.OTHER, -1);
    }
}
