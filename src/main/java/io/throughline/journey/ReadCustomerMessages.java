package io.throughline.journey;

import io.throughline.conversation.InboundMessages;
import io.throughline.conversation.Message;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Takes every message the customer wrote since the journey last read, as one question. The customer is talking again,
 * so the next quiet spell may have its follow-up.
 */
@Component("readCustomerMessages")
class ReadCustomerMessages implements JavaDelegate {

    private final InboundMessages inbound;

    ReadCustomerMessages(InboundMessages inbound) {
        this.inbound = inbound;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID conversationId = Steps.conversationId(execution);
        String question = inbound.takeUnread(conversationId).stream().map(Message::text).collect(Collectors.joining("\n"));
        execution.setVariable(GeneralSupport.Var.QUESTION, Steps.fitted(question, "see the conversation's transcript"));
        execution.removeVariable(GeneralSupport.Var.OUTCOME);
        execution.removeVariable(Journey.Var.FOLLOWED_UP);
    }
}
