package io.throughline.journey;

import io.throughline.conversation.Author;
import io.throughline.conversation.OutboundMessages;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the bot's cited answer as the reply to send. */
@Component("composeAnswer")
class ComposeAnswer implements JavaDelegate {

    private final OutboundMessages outbound;
    private final CitationsVariable citations;

    ComposeAnswer(OutboundMessages outbound, CitationsVariable citations) {
        this.outbound = outbound;
        this.citations = citations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var reply = outbound.record(Steps.conversationId(execution), Author.BOT,
                Steps.string(execution, GeneralSupport.Var.ANSWER_TEXT), citations.read(execution));
        execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, reply.id().toString());
    }
}
