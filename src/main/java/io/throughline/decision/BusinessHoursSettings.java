package io.throughline.decision;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When people are in (settings {@code throughline.business-hours.*}): the time zone, opening spans per weekday
 * ({@code monday: 09:00-17:00}, several spans comma-separated, {@code closed} or absent for a closed day) and holidays
 * as dates. Without a {@code weekly} setting the business is open Monday to Friday, 09:00-17:00.
 */
@ConfigurationProperties("throughline.business-hours")
public record BusinessHoursSettings(@DefaultValue("Europe/Amsterdam") ZoneId timeZone, Map<DayOfWeek, String> weekly,
                                    List<LocalDate> holidays) {

    public BusinessHoursSettings {
        if (weekly == null || weekly.isEmpty()) {
            weekly = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY)) {
                weekly.put(day, "09:00-17:00");
            }
        }
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    public BusinessHours toBusinessHours() {
        try {
            return BusinessHours.of(timeZone, weekly, holidays);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("throughline.business-hours.weekly: " + e.getMessage(), e);
        }
    }
}
