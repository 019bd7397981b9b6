package io.throughline.decision;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * When people are there to help: opening hours per weekday in one time zone, minus holidays. Plain Java, so the rules,
 * the journeys and the tests share one answer to "is anyone in?" and "when is the next person in?".
 */
public final class BusinessHours {

    /** How far ahead {@link #nextOpening} looks before concluding the business never opens. */
    private static final int HORIZON_DAYS = 800;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Span>> week;
    private final Set<LocalDate> holidays;

    private BusinessHours(ZoneId zone, Map<DayOfWeek, List<Span>> week, Collection<LocalDate> holidays) {
        this.zone = zone;
        this.week = week;
        this.holidays = Set.copyOf(new TreeSet<>(holidays));
    }

    /**
     * @param weekly   per day the opening spans, like {@code 09:00-17:00} or {@code 09:00-12:30, 13:30-17:00}; a day that
     *                 is missing, blank or {@code closed} is closed; {@code 24:00} ends a span at midnight
     * @param holidays dates (in {@code zone}) on which the business is closed all day
     */
    public static BusinessHours of(ZoneId zone, Map<DayOfWeek, String> weekly, Collection<LocalDate> holidays) {
        Map<DayOfWeek, List<Span>> week = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, spans) -> week.put(day, parseDay(day, spans)));
        return new BusinessHours(zone, week, holidays);
    }

    /** Open around the clock: for tests and for businesses with people on every shift. */
    public static BusinessHours alwaysOpen() {
        Map<DayOfWeek, List<Span>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new Span(LocalTime.MIDNIGHT, null)));
        }
        return new BusinessHours(ZoneId.of("UTC"), week, List.of());
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isOpen(Instant at) {
        return nextOpening(at).filter(at::equals).isPresent();
    }

    /**
     * The first moment at or after {@code at} when the business is open: {@code at} itself while it is open, else the
     * start of the next opening span. Empty only when it never opens (no opening hours, or all of them holidays).
     */
    public Optional<Instant> nextOpening(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate().minusDays(1); // a span of yesterday may still run (24:00)
        for (int i = 0; i <= HORIZON_DAYS; i++, day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                continue;
            }
            for (Span span : week.getOrDefault(day.getDayOfWeek(), List.of())) {
                Instant start = span.start(day, zone);
                Instant end = span.end(day, zone);
                if (at.isBefore(end)) {
                    return Optional.of(at.isAfter(start) ? at : start);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "BusinessHours[zone=" + zone + ", week=" + week + ", holidays=" + holidays + "]";
    }

    private static List<Span> parseDay(DayOfWeek day, String spans) {
        if (spans == null || spans.isBlank() || spans.strip().equalsIgnoreCase("closed")) {
            return List.of();
        }
        List<Span> parsed = new ArrayList<>();
        for (String span : spans.split(",")) {
            parsed.add(Span.parse(day, span.strip()));
        }
        parsed.sort(Comparator.comparing(Span::from));
        for (int i = 1; i < parsed.size(); i++) {
            if (parsed.get(i - 1).endsAfter(parsed.get(i).from())) {
                throw new IllegalArgumentException(day + ": the opening spans '" + spans + "' overlap");
            }
        }
        return List.copyOf(parsed);
    }

    /** One opening span of a day; {@code to} null means until midnight. */
    private record Span(LocalTime from, LocalTime to) {

        static Span parse(DayOfWeek day, String text) {
            String[] ends = text.split("-");
            try {
                if (ends.length == 2) {
                    LocalTime from = LocalTime.parse(ends[0].strip());
                    LocalTime to = ends[1].strip().equals("24:00") ? null : LocalTime.parse(ends[1].strip());
                    if (to == null || to.isAfter(from)) {
                        return new Span(from, to);
                    }
                }
            } catch (DateTimeParseException e) {
                // reported below with the expected form
            }
            throw new IllegalArgumentException(day + ": '" + text + "' is not an opening span like 09:00-17:00"
                    + " (the end after the start, 24:00 for midnight; 'closed' for a closed day)");
        }

        boolean endsAfter(LocalTime time) {
            return to == null || to.isAfter(time);
        }

        Instant start(LocalDate day, ZoneId zone) {
            return ZonedDateTime.of(day, from, zone).toInstant();
        }

        Instant end(LocalDate day, ZoneId zone) {
            return to == null ? day.plusDays(1).atStartOfDay(zone).toInstant() : ZonedDateTime.of(day, to, zone).toInstant();
        }

        @Override
        public String toString() {
            return from + "-" + (to == null ? "24:00" : to);
        }
    }
}
