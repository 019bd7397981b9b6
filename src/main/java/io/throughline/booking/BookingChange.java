package io.throughline.booking;

import java.util.regex.Pattern;

/** What a booked customer wants to change: "can we move it?", "please cancel", or something else. */
public enum BookingChange {
    RESCHEDULE, CANCEL, OTHER;

    private static final Pattern RESCHEDULE_WORDS = Pattern.compile(
            "\\b(reschedul\\w*|move|change|another (?:time|day)|different (?:time|day)|postpone|later|earlier|other time)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CANCEL_WORDS = Pattern.compile(
            "\\b(cancel\\w*|call (?:it )?off|can'?t make it|cannot make it|won'?t make it|don'?t need it|drop it)\\b",
            Pattern.CASE_INSENSITIVE);

    /** As the BPMN compares it: {@code ${replyMeans == 'cancel'}}. */
    public String key() {
        return name().toLowerCase();
    }

    public static BookingChange of(String text) {
        String reply = text == null ? "" : text;
        if (CANCEL_WORDS.matcher(reply).find()) {
            return CANCEL;
        }
        return RESCHEDULE_WORDS.matcher(reply).find() ? RESCHEDULE : OTHER;
    }
}
