package io.throughline.journey;

import io.throughline.answer.Voice;
import io.throughline.conversation.ChannelSwitches;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * SWITCH_CHANNEL: the answer goes on the channel the rules chose ({@code switchTo}) and a note where the customer is;
 * {@code switchedMessageId} is the answer, {@code replyMessageId} the note (both the answer when it could not move).
 */
@Component("switchChannel")
class SwitchChannel implements JavaDelegate {

    private final ChannelSwitches switches;
    private final CitationsVariable citations;
    private final Voice voice;

    SwitchChannel(ChannelSwitches switches, CitationsVariable citations, Voice voice) {
        this.switches = switches;
        this.citations = citations;
        this.voice = voice;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String channel = Steps.string(execution, Journey.Var.SWITCH_TO);
        var switched = switches.answerOn(Steps.conversationId(execution), channel,
                Steps.string(execution, GeneralSupport.Var.ANSWER_TEXT), citations.read(execution),
                voice.say("switchedChannel", Map.of("channel", channel)));
        execution.setVariable(Journey.Var.SWITCHED_MESSAGE_ID, switched.answer().id().toString());
        execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, switched.note().id().toString());
    }
}
