package io.throughline.journey;

import io.throughline.answer.Voice;
import io.throughline.booking.Bookings;
import io.throughline.conversation.Moments;
import io.throughline.conversation.ProactiveMessages;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Books the chosen slot (replacing the customer's booking when they reschedule) and confirms it: {@code booked},
 * {@code bookingId}, {@code slot}, {@code remindAt} (none when the session is too close). False when the slot was
 * taken meanwhile.
 */
@Component("confirmBooking")
class ConfirmBooking implements JavaDelegate {

    private final Bookings bookings;
    private final ProactiveMessages messages;
    private final Moments moments;
    private final Voice voice;

    ConfirmBooking(Bookings bookings, ProactiveMessages messages, Moments moments, Voice voice) {
        this.bookings = bookings;
        this.messages = messages;
        this.moments = moments;
        this.voice = voice;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String replacing = Steps.optional(execution, Journey.Var.BOOKING_ID);
        var booking = bookings.book(Steps.customerId(execution), Steps.conversationId(execution),
                Steps.string(execution, Journey.Var.KIND),
                OffsetDateTime.parse(Steps.string(execution, Journey.Var.CHOSEN_SLOT)).toInstant(),
                replacing == null ? null : UUID.fromString(replacing));
        execution.setVariable(Journey.Var.BOOKED, booking.isPresent());
        if (booking.isEmpty()) {
            return;
        }
        execution.setVariable(Journey.Var.BOOKING_ID, booking.get().id().toString());
        execution.setVariable(Journey.Var.BOOKED_SLOT, booking.get().startsAt().toString());
        execution.setVariable(Journey.Var.SLOT, moments.describe(booking.get().startsAt()));
        execution.setVariable(Journey.Var.REMIND_AT, bookings.reminderTime(booking.get(), Steps.now())
                .map(Object::toString).orElse(null));
        Map<String, Object> values = new HashMap<>(execution.getVariables());
        var confirmation = messages.record(Steps.conversationId(execution), voice.say("bookingConfirmed", values), false);
        execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, confirmation.id().toString());
    }
}
