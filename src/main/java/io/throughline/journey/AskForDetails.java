package io.throughline.journey;

import io.throughline.answer.Voice;
import io.throughline.conversation.Author;
import io.throughline.conversation.OutboundMessages;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the customer for what is missing, in the business's own voice. */
@Component("askForDetails")
class AskForDetails implements JavaDelegate {

    private final OutboundMessages outbound;
    private final Voice voice;

    AskForDetails(OutboundMessages outbound, Voice voice) {
        this.outbound = outbound;
        this.voice = voice;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var reply = outbound.record(Steps.conversationId(execution), Author.BOT, voice.phrase("askForDetails", Steps.language(execution)), List.of());
        execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, reply.id().toString());
    }
}
