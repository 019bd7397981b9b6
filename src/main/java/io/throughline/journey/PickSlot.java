package io.throughline.journey;

import io.throughline.booking.SlotChoice;
import io.throughline.conversation.Moments;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Which offered slot the customer picked: {@code slotChoice} chosen, more, decline or other; {@code chosenSlot}. */
@Component("pickSlot")
class PickSlot implements JavaDelegate {

    private final OfferedSlots offered;
    private final Moments moments;

    PickSlot(OfferedSlots offered, Moments moments) {
        this.offered = offered;
        this.moments = moments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Instant> slots = offered.read(execution);
        SlotChoice choice = SlotChoice.of(Steps.string(execution, GeneralSupport.Var.QUESTION),
                slots.stream().map(moments::describe).toList());
        execution.setVariable(Journey.Var.SLOT_CHOICE, choice.kind().key());
        execution.setVariable(Journey.Var.CHOSEN_SLOT,
                choice.index() < 0 ? null : slots.get(choice.index()).toString());
    }
}
