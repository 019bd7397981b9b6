package io.throughline.conversation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Moments as the business writes them to customers ("Tue 3 Mar, 10:00"), in its time zone ({@code throughline.zone}). */
@Component
public class Moments {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    private final ZoneId zone;

    public Moments(@Value("${throughline.zone:Europe/Amsterdam}") ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public String describe(Instant moment) {
        return SHOWN.format(moment.atZone(zone));
    }

    /** The text as a moment for customers when it is an ISO-8601 date-time (with offset or Z), else empty. */
    public Optional<String> describeIfMoment(String text) {
        if (text == null || text.length() < 16 || !Character.isDigit(text.charAt(0)) || text.charAt(4) != '-') {
            return Optional.empty();
        }
        try {
            return Optional.of(describe(OffsetDateTime.parse(text).toInstant()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
