package io.throughline.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When sessions can be booked ({@code throughline.booking.*}), in the business's time zone ({@code throughline.zone}).
 *
 * @param days           the days sessions run
 * @param opens          the first session starts
 * @param closes         the last session ends by
 * @param slotLength     one session
 * @param leadTime       the earliest a session can be booked from now
 * @param horizon        how far ahead slots are offered
 * @param offered        how many slots the bot offers at once
 * @param capacity       bookings per slot
 * @param reminderBefore the reminder goes this long before the session (none when booked later than that)
 */
@ConfigurationProperties("throughline.booking")
public record BookingSettings(
        @DefaultValue({"TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"}) List<DayOfWeek> days,
        @DefaultValue("10:00") LocalTime opens, @DefaultValue("16:00") LocalTime closes,
        @DefaultValue("PT30M") Duration slotLength, @DefaultValue("PT2H") Duration leadTime,
        @DefaultValue("P28D") Period horizon, @DefaultValue("3") int offered, @DefaultValue("1") int capacity,
        @DefaultValue("PT24H") Duration reminderBefore) {

    public BookingSettings {
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("throughline.booking.days names no day: sessions could never be booked");
        }
        if (!opens.plus(slotLength).isAfter(opens) || opens.plus(slotLength).isAfter(closes)) {
            throw new IllegalArgumentException("throughline.booking: no " + slotLength + " session fits between "
                    + opens + " and " + closes);
        }
        if (offered < 1 || capacity < 1) {
            throw new IllegalArgumentException("throughline.booking.offered and .capacity must be at least 1");
        }
    }
}
