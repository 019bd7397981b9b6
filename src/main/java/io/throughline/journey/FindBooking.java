package io.throughline.journey;

import io.throughline.booking.Bookings;
import io.throughline.conversation.Moments;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The customer's next booked session ({@code bookingId}, {@code slot}, {@code kind}), or none. */
@Component("findBooking")
class FindBooking implements JavaDelegate {

    static final String DEFAULT_KIND = "session";

    private final Bookings bookings;
    private final Moments moments;

    FindBooking(Bookings bookings, Moments moments) {
        this.bookings = bookings;
        this.moments = moments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var booking = bookings.upcoming(Steps.customerId(execution), Steps.now());
        String kind = Steps.optional(execution, Journey.Var.BOOKING_KIND);
        execution.setVariable(Journey.Var.BOOKING_ID, booking.map(b -> b.id().toString()).orElse(null));
        execution.setVariable(Journey.Var.BOOKED_SLOT,
                booking.map(b -> b.startsAt().toString()).orElse(null));
        execution.setVariable(Journey.Var.SLOT, booking.map(b -> moments.describe(b.startsAt())).orElse(null));
        execution.setVariable(Journey.Var.KIND, booking.map(b -> b.kind()).orElse(kind == null ? DEFAULT_KIND : kind));
    }
}
