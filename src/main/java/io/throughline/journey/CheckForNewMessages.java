package io.throughline.journey;

import io.throughline.conversation.InboundMessages;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Before the journey waits: did the customer write while it was busy? Runs in the same transaction that parks the
 * journey at its wait, holding the conversation, which is what lets a wake-up never miss it (see WakeJourney).
 */
@Component("checkForNewMessages")
class CheckForNewMessages implements JavaDelegate {

    private final InboundMessages inbound;

    CheckForNewMessages(InboundMessages inbound) {
        this.inbound = inbound;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(GeneralSupport.Var.HAS_UNREAD, inbound.hasUnread(Steps.conversationId(execution)));
    }
}
