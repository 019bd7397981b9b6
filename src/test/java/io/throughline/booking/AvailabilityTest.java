package io.throughline.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.conversation.Moments;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    private static final Instant MONDAY_TEN_AMSTERDAM = Instant.parse("2026-03-02T09:00:00Z");
    private final Moments moments = new Moments(ZoneId.of("Europe/Amsterdam"));
    private final Availability availability = new Availability(new BookingSettings(
            List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY),
            LocalTime.of(10, 0), LocalTime.of(16, 0), Duration.ofMinutes(30), Duration.ofHours(2), Period.ofDays(28),
            3, 1, Duration.ofHours(24)), moments);

    @Test
    void theNextFreeSlotsAreOnOpeningDaysWithinOpeningHours() {
        List<Instant> slots = availability.freeSlots(null, MONDAY_TEN_AMSTERDAM, 3, slot -> false);

        assertThat(slots).extracting(moments::describe)
                .containsExactly("Tue 3 Mar, 10:00", "Tue 3 Mar, 10:30", "Tue 3 Mar, 11:00");
    }

    @Test
    void takenSlotsAreSkippedAndTheLeadTimeIsKept() {
        Instant tuesdayThreePm = Instant.parse("2026-03-03T14:00:00Z");
        Set<String> taken = Set.of("Tue 3 Mar, 17:00");

        List<Instant> slots = availability.freeSlots(null, tuesdayThreePm, 3, slot -> taken.contains(moments.describe(slot)));

        assertThat(slots).extracting(moments::describe)
                .containsExactly("Wed 4 Mar, 10:00", "Wed 4 Mar, 10:30", "Wed 4 Mar, 11:00");
    }

    @Test
    void otherTimesComeAfterTheLastOffered() {
        List<Instant> first = availability.freeSlots(null, MONDAY_TEN_AMSTERDAM, 3, slot -> false);

        List<Instant> next = availability.freeSlots(first.get(2), MONDAY_TEN_AMSTERDAM, 3, slot -> false);

        assertThat(next).extracting(moments::describe)
                .containsExactly("Tue 3 Mar, 11:30", "Tue 3 Mar, 12:00", "Tue 3 Mar, 12:30");
    }

    @Test
    void nothingBeyondTheHorizon() {
        assertThat(availability.freeSlots(MONDAY_TEN_AMSTERDAM.plus(Duration.ofDays(40)), MONDAY_TEN_AMSTERDAM, 3,
                slot -> false)).isEmpty();
        assertThat(availability.freeSlots(null, MONDAY_TEN_AMSTERDAM, 3, slot -> true)).isEmpty();
    }
}
