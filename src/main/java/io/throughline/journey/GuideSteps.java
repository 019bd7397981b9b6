package io.throughline.journey;

import io.throughline.answer.Voice;
import io.throughline.conversation.Author;
import io.throughline.conversation.OutboundMessages;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The troubleshooting steps the knowledge base gives, cited, and the question whether they helped. */
@Component("guideSteps")
class GuideSteps implements JavaDelegate {

    private final OutboundMessages outbound;
    private final CitationsVariable citations;
    private final Voice voice;

    GuideSteps(OutboundMessages outbound, CitationsVariable citations, Voice voice) {
        this.outbound = outbound;
        this.citations = citations;
        this.voice = voice;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String steps = Steps.string(execution, GeneralSupport.Var.ANSWER_TEXT) + "\n\n" + voice.say("didThatHelp", Map.of());
        var reply = outbound.record(Steps.conversationId(execution), Author.BOT, steps, citations.read(execution));
        execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, reply.id().toString());
    }
}
