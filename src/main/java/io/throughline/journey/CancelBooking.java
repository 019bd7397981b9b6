package io.throughline.journey;

import io.throughline.answer.Voice;
import io.throughline.booking.Bookings;
import io.throughline.conversation.ProactiveMessages;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Cancels the customer's booking (BOOKING_CANCELLED) and confirms it to them. */
@Component("cancelBooking")
class CancelBooking implements JavaDelegate {

    private final Bookings bookings;
    private final ProactiveMessages messages;
    private final Voice voice;

    CancelBooking(Bookings bookings, ProactiveMessages messages, Voice voice) {
        this.bookings = bookings;
        this.messages = messages;
        this.voice = voice;
    }

    @Override
    public void execute(DelegateExecution execution) {
        bookings.cancel(UUID.fromString(Steps.string(execution, Journey.Var.BOOKING_ID)), Steps.conversationId(execution));
        var confirmation = messages.record(Steps.conversationId(execution),
                voice.say("bookingCancelled", execution.getVariables()), false);
        execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, confirmation.id().toString());
    }
}
