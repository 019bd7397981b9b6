package io.throughline.booking;

import io.throughline.conversation.Moments;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** The free slots: opening days and hours from settings, minus the slots booked up to capacity. */
@Component
public class Availability {

    private final BookingSettings settings;
    private final Moments moments;

    public Availability(BookingSettings settings, Moments moments) {
        this.settings = settings;
        this.moments = moments;
    }

    /**
     * Up to {@code count} slots starting after {@code after} (and no sooner than the lead time from {@code now}), within
     * the horizon, that {@code taken} does not rule out.
     */
    public List<Instant> freeSlots(Instant after, Instant now, int count, Predicate<Instant> taken) {
        Instant earliest = now.plus(settings.leadTime());
        Instant from = after != null && after.isAfter(earliest) ? after.plusSeconds(1) : earliest;
        ZonedDateTime start = from.atZone(moments.zone());
        LocalDate lastDay = now.atZone(moments.zone()).toLocalDate().plus(settings.horizon());
        List<Instant> free = new ArrayList<>();
        for (LocalDate day = start.toLocalDate(); !day.isAfter(lastDay) && free.size() < count; day = day.plusDays(1)) {
            if (!settings.days().contains(day.getDayOfWeek())) {
                continue;
            }
            for (LocalTime time = settings.opens(); !time.plus(settings.slotLength()).isAfter(settings.closes())
                    && free.size() < count; time = time.plus(settings.slotLength())) {
                Instant slot = day.atTime(time).atZone(moments.zone()).toInstant();
                if (!slot.isBefore(from) && !taken.test(slot)) {
                    free.add(slot);
                }
                if (time.plus(settings.slotLength()).isBefore(time)) {
                    break; // wrapped past midnight
                }
            }
        }
        return free;
    }
}
