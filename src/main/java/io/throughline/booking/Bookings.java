package io.throughline.booking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.conversation.ConversationEvents;
import io.throughline.customer.InsertIfAbsent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booked sessions. A slot holds {@code capacity} seats; a booking takes the first free seat by inserting it only if
 * absent, so two customers racing for the last seat cannot both get it. A cancelled booking gives its seat back.
 */
@Service
public class Bookings {

    private static final String COLUMNS = "select id, customer_id, conversation_id, kind, starts_at, status from bookings ";

    private final JdbcClient jdbc;
    private final InsertIfAbsent insertIfAbsent;
    private final Availability availability;
    private final BookingSettings settings;
    private final ConversationEvents events;
    private final ObjectMapper json;

    Bookings(JdbcClient jdbc, InsertIfAbsent insertIfAbsent, Availability availability, BookingSettings settings,
             ConversationEvents events, ObjectMapper json) {
        this.jdbc = jdbc;
        this.insertIfAbsent = insertIfAbsent;
        this.availability = availability;
        this.settings = settings;
        this.events = events;
        this.json = json;
    }

    /** The next free slots after {@code after} (null: from now), as many as the bot offers at once. */
    public List<Instant> offer(Instant after, Instant now) {
        return availability.freeSlots(after, now, settings.offered(), slot -> seatsTaken(slot) >= settings.capacity());
    }

    /** The customer's next confirmed session, if any. */
    public Optional<Booking> upcoming(UUID customerId, Instant now) {
        return jdbc.sql(COLUMNS + "where customer_id = ? and status = 'CONFIRMED' and starts_at > ? order by starts_at limit 1")
                .params(customerId, at(now)).query(this::map).optional();
    }

    public Optional<Booking> find(UUID id) {
        return jdbc.sql(COLUMNS + "where id = ?").param(id).query(this::map).optional();
    }

    /**
     * Books the slot, unless it is full by now; a reschedule ({@code replacing} not null) cancels the old booking in the
     * same transaction. Records BOOKING_CONFIRMED on the conversation.
     */
    @Transactional
    public Optional<Booking> book(UUID customerId, UUID conversationId, String kind, Instant startsAt, UUID replacing) {
        UUID id = UUID.randomUUID();
        for (int seat = 1; seat <= settings.capacity(); seat++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("customer_id", customerId);
            row.put("conversation_id", conversationId);
            row.put("kind", kind);
            row.put("starts_at", at(startsAt));
            row.put("seat", seat);
            row.put("status", Booking.Status.CONFIRMED.name());
            row.put("created_at", at(Instant.now()));
            if (insertIfAbsent.insert("bookings", List.of("starts_at", "seat"), row)) {
                if (replacing != null) {
                    cancelRow(replacing);
                }
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("bookingId", id.toString());
                detail.put("kind", kind);
                detail.put("startsAt", startsAt.toString());
                if (replacing != null) {
                    detail.put("replaces", replacing.toString());
                }
                events.record(conversationId, ConversationEvents.Type.BOOKING_CONFIRMED, null, write(detail));
                return find(id);
            }
        }
        return Optional.empty();
    }

    /** Cancels the booking and records BOOKING_CANCELLED on the conversation; false when it was not confirmed. */
    @Transactional
    public boolean cancel(UUID bookingId, UUID conversationId) {
        if (!cancelRow(bookingId)) {
            return false;
        }
        events.record(conversationId, ConversationEvents.Type.BOOKING_CANCELLED, null,
                "{\"bookingId\":\"" + bookingId + "\"}");
        return true;
    }

    /** When to remind the customer: {@code reminderBefore} ahead of the session, unless that moment has passed. */
    public Optional<Instant> reminderTime(Booking booking, Instant now) {
        Instant remindAt = booking.startsAt().minus(settings.reminderBefore());
        return remindAt.isAfter(now.plus(Duration.ofMinutes(1))) ? Optional.of(remindAt) : Optional.empty();
    }

    private boolean cancelRow(UUID bookingId) {
        return jdbc.sql("update bookings set status = 'CANCELLED', seat = null, cancelled_at = ? where id = ? and status = 'CONFIRMED'")
                .params(at(Instant.now()), bookingId).update() == 1;
    }

    private int seatsTaken(Instant slot) {
        return jdbc.sql("select count(*) from bookings where starts_at = ? and status = 'CONFIRMED'")
                .param(at(slot)).query(Integer.class).single();
    }

    private Booking map(ResultSet rs, int row) throws SQLException {
        return new Booking(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("conversation_id", UUID.class), rs.getString("kind"),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(), Booking.Status.valueOf(rs.getString("status")));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
