package io.throughline.journey;

import io.throughline.answer.Voice;
import io.throughline.booking.Bookings;
import io.throughline.conversation.Moments;
import io.throughline.conversation.ProactiveMessages;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reminds the customer of their session on their preferred channel, in the conversation it was booked in, unless it
 * was cancelled or moved (a reschedule is a new booking with a reminder of its own): {@code reminded}.
 */
@Component("remindOfBooking")
class RemindOfBooking implements JavaDelegate {

    private final Bookings bookings;
    private final ProactiveMessages messages;
    private final Moments moments;
    private final Voice voice;

    RemindOfBooking(Bookings bookings, ProactiveMessages messages, Moments moments, Voice voice) {
        this.bookings = bookings;
        this.messages = messages;
        this.moments = moments;
        this.voice = voice;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var booking = bookings.find(UUID.fromString(Steps.string(execution, Journey.Var.BOOKING_ID)))
                .filter(b -> b.confirmed() && b.startsAt().isAfter(Steps.now()));
        execution.setVariable(Journey.Var.REMINDED, booking.isPresent());
        if (booking.isPresent()) {
            String text = voice.say("bookingReminder",
                    Map.of(Journey.Var.KIND, booking.get().kind(), Journey.Var.SLOT, moments.describe(booking.get().startsAt())));
            var reminder = messages.record(booking.get().conversationId(), text, true);
            execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, reminder.id().toString());
        }
    }
}
