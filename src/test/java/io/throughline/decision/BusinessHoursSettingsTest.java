package io.throughline.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class BusinessHoursSettingsTest {

    @Test
    void withoutSettingsTheBusinessIsOpenOnWeekdaysNineToFiveInAmsterdam() {
        BusinessHoursSettings settings = bind(Map.of());

        assertThat(settings.timeZone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
        assertThat(settings.weekly()).containsEntry(DayOfWeek.MONDAY, "09:00-17:00").doesNotContainKey(DayOfWeek.SATURDAY);
        assertThat(settings.holidays()).isEmpty();
    }

    @Test
    void hoursZoneAndHolidaysCanBeSet() {
        BusinessHoursSettings settings = bind(Map.of(
                "throughline.business-hours.time-zone", "America/New_York",
                "throughline.business-hours.weekly.saturday", "10:00-14:00",
                "throughline.business-hours.holidays[0]", "2025-12-25"));

        assertThat(settings.weekly()).containsOnlyKeys(DayOfWeek.SATURDAY);
        assertThat(settings.holidays()).containsExactly(LocalDate.of(2025, 12, 25));
        assertThat(settings.toBusinessHours().isOpen(Instant.parse("2025-06-07T15:00:00Z"))).isTrue(); // 11:00 in New York
    }

    @Test
    void aWrongSpanNamesTheSetting() {
        BusinessHoursSettings settings = bind(Map.of("throughline.business-hours.weekly.monday", "nine to five"));

        assertThatThrownBy(settings::toBusinessHours)
                .hasMessageContaining("throughline.business-hours.weekly").hasMessageContaining("MONDAY");
    }

    private static BusinessHoursSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("throughline.business-hours", BusinessHoursSettings.class);
    }
}
