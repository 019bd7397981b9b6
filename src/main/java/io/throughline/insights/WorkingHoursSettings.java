package io.throughline.insights;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The business's opening hours as the rules read them ({@code throughline.business-hours.*}: {@code time-zone},
 * {@code weekly.monday: 09:00-17:00}, {@code holidays}); Monday to Friday, 09:00-17:00 when no day is given. Insights
 * reads the same settings for its SLA clock.
 */
@ConfigurationProperties("throughline.business-hours")
public record WorkingHoursSettings(@DefaultValue("Europe/Amsterdam") ZoneId timeZone, Map<DayOfWeek, String> weekly,
                                   List<LocalDate> holidays) {

    public WorkingHoursSettings {
        if (weekly == null || weekly.isEmpty()) {
            weekly = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY)) {
                weekly.put(day, "09:00-17:00");
            }
        }
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    public WorkingHours toWorkingHours() {
        return new WeeklyWorkingHours(timeZone, weekly, holidays);
    }
}
