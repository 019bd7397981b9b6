package io.throughline.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessHoursTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final BusinessHours DEMO = Facts.DEMO_HOURS;

    @ParameterizedTest(name = "{0} is open: {1}")
    @CsvSource({
            "2025-06-03T09:00:00Z, true",   // Tuesday 11:00 in Amsterdam (summer time)
            "2025-06-03T07:00:00Z, true",   // Tuesday 09:00: opening is open
            "2025-06-03T06:59:59Z, false",  // a second before
            "2025-06-03T15:00:00Z, false",  // Tuesday 17:00: closing is closed
            "2025-06-07T10:00:00Z, false",  // Saturday
            "2025-12-02T08:30:00Z, true",   // Tuesday 09:30 in winter time
            "2025-12-02T07:30:00Z, false"}) // Tuesday 08:30 in winter time
    void openOnWeekdaysFromNineToFiveInTheBusinessTimeZone(Instant at, boolean open) {
        assertThat(DEMO.isOpen(at)).isEqualTo(open);
    }

    @ParameterizedTest(name = "after {0} the next opening is {1}")
    @CsvSource({
            "2025-06-03T09:00:00Z, 2025-06-03T09:00:00Z",  // open: now
            "2025-06-03T05:00:00Z, 2025-06-03T07:00:00Z",  // before opening: today 09:00
            "2025-06-03T16:00:00Z, 2025-06-04T07:00:00Z",  // after closing: tomorrow 09:00
            "2025-06-06T15:00:00Z, 2025-06-09T07:00:00Z",  // Friday 17:00: Monday
            "2025-06-07T10:00:00Z, 2025-06-09T07:00:00Z",  // Saturday: Monday
            "2025-10-24T16:00:00Z, 2025-10-27T08:00:00Z"}) // across the end of summer time: Monday 09:00 CET
    void nextOpeningIsNowWhileOpenElseTheStartOfTheNextSpan(Instant at, Instant next) {
        assertThat(DEMO.nextOpening(at)).contains(next);
    }

    @Test
    void holidaysAreClosedAllDay() {
        var hours = BusinessHours.of(AMSTERDAM, Map.of(DayOfWeek.MONDAY, "09:00-17:00", DayOfWeek.TUESDAY, "09:00-17:00"),
                List.of(LocalDate.of(2025, 6, 9)));

        assertThat(hours.isOpen(Instant.parse("2025-06-09T09:00:00Z"))).isFalse();
        assertThat(hours.nextOpening(Instant.parse("2025-06-07T10:00:00Z"))).contains(Instant.parse("2025-06-10T07:00:00Z"));
    }

    @Test
    void aDayCanHaveSeveralSpans() {
        var hours = BusinessHours.of(AMSTERDAM, Map.of(DayOfWeek.TUESDAY, "13:30-17:00, 09:00-12:30"), List.of());

        assertThat(hours.isOpen(Instant.parse("2025-06-03T10:00:00Z"))).isTrue();   // 12:00
        assertThat(hours.isOpen(Instant.parse("2025-06-03T11:00:00Z"))).isFalse();  // 13:00, lunch
        assertThat(hours.nextOpening(Instant.parse("2025-06-03T11:00:00Z"))).contains(Instant.parse("2025-06-03T11:30:00Z"));
    }

    @Test
    void twentyFourHundredMeansUntilMidnight() {
        var hours = BusinessHours.of(AMSTERDAM, Map.of(DayOfWeek.SATURDAY, "20:00-24:00"), List.of());

        assertThat(hours.isOpen(Instant.parse("2025-06-07T21:59:59Z"))).isTrue();   // Saturday 23:59:59
        assertThat(hours.isOpen(Instant.parse("2025-06-07T22:00:00Z"))).isFalse();  // Sunday 00:00
    }

    @Test
    void closedDaysAreClosedAndABusinessThatNeverOpensHasNoNextOpening() {
        var hours = BusinessHours.of(AMSTERDAM, Map.of(DayOfWeek.MONDAY, "closed", DayOfWeek.TUESDAY, " "), List.of());

        assertThat(hours.isOpen(Instant.parse("2025-06-09T09:00:00Z"))).isFalse();
        assertThat(hours.nextOpening(Instant.parse("2025-06-09T09:00:00Z"))).isEmpty();
    }

    @Test
    void alwaysOpenIsOpenAtAnyTime() {
        assertThat(BusinessHours.alwaysOpen().isOpen(Instant.parse("2025-06-08T03:00:00Z"))).isTrue();
    }

    @Test
    void aSpanThatIsNotATimeRangeNamesTheDayAndTheExpectedForm() {
        assertThatThrownBy(() -> BusinessHours.of(AMSTERDAM, Map.of(DayOfWeek.FRIDAY, "9-17"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FRIDAY").hasMessageContaining("'9-17'").hasMessageContaining("09:00-17:00");
        assertThatThrownBy(() -> BusinessHours.of(AMSTERDAM, Map.of(DayOfWeek.FRIDAY, "17:00-09:00"), List.of()))
                .hasMessageContaining("the end after the start");
        assertThatThrownBy(() -> BusinessHours.of(AMSTERDAM, Map.of(DayOfWeek.FRIDAY, "09:00-13:00, 12:00-17:00"),
                List.of())).hasMessageContaining("overlap");
    }

    @Test
    void factsSayWhenPeopleAreNextInAsACustomerReadsIt() {
        BusinessHoursFacts closed = BusinessHoursFacts.at(DEMO, Facts.SATURDAY_NOON);
        BusinessHoursFacts open = BusinessHoursFacts.at(DEMO, Facts.TUESDAY_MORNING);

        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.getNextOpening()).isEqualTo(Facts.MONDAY_OPENING);
        assertThat(closed.getNextOpeningText()).isEqualTo("Monday 9 June at 09:00");
        assertThat(open.isOpen()).isTrue();
        assertThat(open.getNextOpening()).isEqualTo(Facts.TUESDAY_MORNING);
    }
}
