package io.throughline.decision;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Business hours as the rules see them at the moment of deciding: open or not, and when people are next in. */
public final class BusinessHoursFacts {

    private static final DateTimeFormatter WORDING = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);

    private final Instant now;
    private final boolean open;
    private final Instant nextOpening;
    private final ZoneId zone;

    private BusinessHoursFacts(Instant now, boolean open, Instant nextOpening, ZoneId zone) {
        this.now = now;
        this.open = open;
        this.nextOpening = nextOpening;
        this.zone = zone;
    }

    /** The facts at {@code now}; a business that never opens is closed with no next opening. */
    public static BusinessHoursFacts at(BusinessHours hours, Instant now) {
        Instant next = hours.nextOpening(now).orElse(null);
        return new BusinessHoursFacts(now, now.equals(next), next, hours.zone());
    }

    public static BusinessHoursFacts alwaysOpen(Instant now) {
        return at(BusinessHours.alwaysOpen(), now);
    }

    public Instant getNow() {
        return now;
    }

    public boolean isOpen() {
        return open;
    }

    /** {@code now} while open; the start of the next opening span when closed; null when the business never opens. */
    public Instant getNextOpening() {
        return nextOpening;
    }

    public ZoneId getZone() {
        return zone;
    }

    /** The next opening in the business's time zone, or null: {@code 2025-06-02T09:00+02:00[Europe/Amsterdam]}. */
    public ZonedDateTime getNextOpeningLocal() {
        return nextOpening == null ? null : nextOpening.atZone(zone);
    }

    /** The next opening as a customer reads it, "Monday 2 June at 09:00", in the business's time zone; null when none. */
    public String getNextOpeningText() {
        return nextOpening == null ? null : WORDING.format(nextOpening.atZone(zone));
    }

    @Override
    public String toString() {
        return "BusinessHoursFacts[now=" + now + ", open=" + open + ", nextOpening=" + nextOpening + ", zone=" + zone + "]";
    }
}
