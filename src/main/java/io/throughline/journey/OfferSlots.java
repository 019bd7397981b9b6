package io.throughline.journey;

import io.throughline.answer.Voice;
import io.throughline.booking.Bookings;
import io.throughline.booking.SlotChoice;
import io.throughline.conversation.Moments;
import io.throughline.conversation.ProactiveMessages;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Offers the next free slots, numbered (phrase offerSlots; offerSlotsAgain when the chosen one was just taken; noSlots
 * when there is none); after "other times" the ones after those offered last.
 */
@Component("offerSlots")
class OfferSlots implements JavaDelegate {

    private final Bookings bookings;
    private final OfferedSlots offered;
    private final ProactiveMessages messages;
    private final Moments moments;
    private final Voice voice;

    OfferSlots(Bookings bookings, OfferedSlots offered, ProactiveMessages messages, Moments moments, Voice voice) {
        this.bookings = bookings;
        this.offered = offered;
        this.messages = messages;
        this.moments = moments;
        this.voice = voice;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Instant> before = offered.read(execution);
        boolean more = SlotChoice.Kind.MORE.key().equals(Steps.string(execution, Journey.Var.SLOT_CHOICE));
        List<Instant> slots = bookings.offer(more && !before.isEmpty() ? before.get(before.size() - 1) : null, Steps.now());
        Map<String, Object> values = new HashMap<>(execution.getVariables());
        values.put("slots", IntStream.range(0, slots.size())
                .mapToObj(i -> (i + 1) + ". " + moments.describe(slots.get(i))).collect(Collectors.joining("\n")));
        String phrase = slots.isEmpty() ? "noSlots"
                : Boolean.FALSE.equals(execution.getVariable(Journey.Var.BOOKED)) ? "offerSlotsAgain" : "offerSlots";
        var offer = messages.record(Steps.conversationId(execution), voice.say(phrase, values), false);
        offered.write(execution, slots);
        execution.removeVariable(Journey.Var.BOOKED);
        execution.removeVariable(Journey.Var.SLOT_CHOICE);
        execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, offer.id().toString());
    }
}
