package io.throughline.booking;

import io.throughline.conversation.ConversationsErased;
import io.throughline.customer.privacy.DataSubject;
import io.throughline.customer.privacy.ErasedCounts;
import io.throughline.customer.privacy.PersonalData;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A customer's bookings in their export; erased with the conversations they were booked in. */
@Component
class BookingRecords implements PersonalData {

    private final JdbcClient jdbc;

    BookingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void export(DataSubject subject, Map<String, Object> export) {
        export.put("bookings", subject.customerIds().stream().flatMap(id -> jdbc.sql(
                        "select id, conversation_id, kind, starts_at, status, created_at, cancelled_at from bookings "
                                + "where customer_id = ? order by starts_at")
                .param(id)
                .query((rs, n) -> {
                    Map<String, Object> booking = new LinkedHashMap<>();
                    booking.put("id", rs.getObject(1, UUID.class));
                    booking.put("conversationId", rs.getObject(2, UUID.class));
                    booking.put("kind", rs.getString(3));
                    booking.put("startsAt", rs.getObject(4, OffsetDateTime.class));
                    booking.put("status", rs.getString(5));
                    booking.put("createdAt", rs.getObject(6, OffsetDateTime.class));
                    booking.put("cancelledAt", rs.getObject(7, OffsetDateTime.class));
                    return booking;
                }).list().stream()).toList());
    }

    @Override
    public void erase(DataSubject subject, ErasedCounts counts) {
        int removed = 0;
        for (UUID id : subject.customerIds()) {
            removed += jdbc.sql("delete from bookings where customer_id = ?").param(id).update();
        }
        counts.add("bookings", removed);
    }

    /** A plain listener: the bookings go in the erasure's transaction, before the conversations they point at. */
    @EventListener
    void on(ConversationsErased erased) {
        int removed = 0;
        for (UUID id : erased.conversationIds()) {
            removed += jdbc.sql("delete from bookings where conversation_id = ?").param(id).update();
        }
        erased.counts().add("bookings", removed);
    }
}
