package io.throughline.journey;

import io.throughline.handoff.Handoffs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the customer a person is coming, and records the handoff. */
@Component("announceHandoff")
class AnnounceHandoff implements JavaDelegate {

    private final Handoffs handoffs;

    AnnounceHandoff(Handoffs handoffs) {
        this.handoffs = handoffs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var notice = handoffs.announce(Steps.conversationId(execution), Steps.string(execution, GeneralSupport.Var.QUEUE),
                Steps.string(execution, GeneralSupport.Var.REASONS), Steps.language(execution));
        execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, notice.id().toString());
    }
}
