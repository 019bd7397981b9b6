package io.throughline.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeeklyWorkingHoursTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void theClockStopsOutsideOpeningSpansAndOnHolidays() {
        var hours = new WeeklyWorkingHours(AMSTERDAM, Map.of(DayOfWeek.FRIDAY, "09:00-12:30, 13:30-17:00",
                DayOfWeek.MONDAY, "09:00-17:00", DayOfWeek.TUESDAY, "09:00-17:00"), List.of(LocalDate.of(2026, 3, 9)));
        Instant fridayNoon = Instant.parse("2026-03-06T11:00:00Z"); // 12:00 in Amsterdam
        Instant tuesdayTen = Instant.parse("2026-03-10T09:00:00Z"); // 10:00

        // Friday 12:00-12:30 and 13:30-17:00 (4 h), Monday a holiday, Tuesday 09:00-10:00 (1 h)
        assertThat(hours.between(fridayNoon, tuesdayTen)).isEqualTo(Duration.ofHours(5));
        assertThat(hours.between(tuesdayTen, fridayNoon)).isEqualTo(Duration.ZERO);
    }

    @Test
    void theSettingsDefaultToWeekdaysNineToFiveAndNameABadSpan() {
        var defaults = new WorkingHoursSettings(AMSTERDAM, null, null).toWorkingHours();
        Instant saturday = Instant.parse("2026-03-07T10:00:00Z");
        assertThat(defaults.between(saturday, saturday.plus(Duration.ofHours(24)))).isEqualTo(Duration.ZERO);

        assertThatThrownBy(() -> new WorkingHoursSettings(AMSTERDAM, Map.of(DayOfWeek.MONDAY, "17:00-09:00"), null)
                .toWorkingHours())
                .hasMessageContaining("throughline.business-hours.weekly.monday").hasMessageContaining("17:00-09:00");
    }
}
