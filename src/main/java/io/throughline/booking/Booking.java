package io.throughline.booking;

import java.time.Instant;
import java.util.UUID;

/** One booked session of a customer. */
public record Booking(UUID id, UUID customerId, UUID conversationId, String kind, Instant startsAt, Status status) {

    public enum Status { CONFIRMED, CANCELLED }

    public boolean confirmed() {
        return status == Status.CONFIRMED;
    }
}
