package io.throughline.journey;

import io.throughline.answer.Voice;
import io.throughline.conversation.FollowUps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The customer went quiet: one follow-up on their preferred channel (FOLLOW_UP on the timeline). */
@Component("followUp")
class FollowUp implements JavaDelegate {

    private final FollowUps followUps;
    private final Voice voice;

    FollowUp(FollowUps followUps, Voice voice) {
        this.followUps = followUps;
        this.voice = voice;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var message = followUps.followUp(Steps.conversationId(execution), voice.say("followUp", java.util.Map.of()));
        execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, message.id().toString());
        execution.setVariable(Journey.Var.FOLLOWED_UP, true);
    }
}
