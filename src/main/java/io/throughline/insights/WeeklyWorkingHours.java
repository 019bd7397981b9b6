package io.throughline.insights;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Opening spans per weekday in one time zone, minus holidays: {@code monday: 09:00-17:00}, {@code 24:00} for midnight. */
final class WeeklyWorkingHours implements WorkingHours {

    private record Span(LocalTime from, LocalTime to) {} // to null: until midnight

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Span>> week = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> holidays;

    WeeklyWorkingHours(ZoneId zone, Map<DayOfWeek, String> weekly, Collection<LocalDate> holidays) {
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
        weekly.forEach((day, spans) -> week.put(day, parse(day, spans)));
    }

    @Override
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration open = Duration.ZERO;
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(to.atZone(zone).toLocalDate());
             day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                continue;
            }
            for (Span span : week.getOrDefault(day.getDayOfWeek(), List.of())) {
                Instant start = day.atTime(span.from()).atZone(zone).toInstant();
                Instant end = span.to() == null ? day.plusDays(1).atStartOfDay(zone).toInstant()
                        : day.atTime(span.to()).atZone(zone).toInstant();
                Instant a = start.isAfter(from) ? start : from;
                Instant b = end.isBefore(to) ? end : to;
                if (b.isAfter(a)) {
                    open = open.plus(Duration.between(a, b));
                }
            }
        }
        return open;
    }

    private static List<Span> parse(DayOfWeek day, String spans) {
        if (spans == null || spans.isBlank() || spans.strip().equalsIgnoreCase("closed")) {
            return List.of();
        }
        List<Span> parsed = new ArrayList<>();
        for (String text : spans.split(",")) {
            String[] ends = text.strip().split("-");
            try {
                if (ends.length == 2) {
                    LocalTime from = LocalTime.parse(ends[0].strip());
                    LocalTime to = ends[1].strip().equals("24:00") ? null : LocalTime.parse(ends[1].strip());
                    if (to == null || to.isAfter(from)) {
                        parsed.add(new Span(from, to));
                        continue;
                    }
                }
            } catch (DateTimeParseException e) {
                // reported below, with the form expected
            }
            throw new IllegalArgumentException("throughline.business-hours.weekly." + day.name().toLowerCase()
                    + ": '" + text.strip() + "' is not an opening span like 09:00-17:00 (24:00 for midnight, 'closed' "
                    + "for a closed day)");
        }
        return List.copyOf(parsed);
    }
}
