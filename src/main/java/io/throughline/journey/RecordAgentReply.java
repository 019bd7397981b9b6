package io.throughline.journey;

import io.throughline.handoff.Handoffs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records what the agent answered (and their internal note, which is never sent). */
@Component("recordAgentReply")
class RecordAgentReply implements JavaDelegate {

    private final Handoffs handoffs;

    RecordAgentReply(Handoffs handoffs) {
        this.handoffs = handoffs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var reply = handoffs.agentAnswered(Steps.conversationId(execution), Steps.string(execution, GeneralSupport.Var.REPLY),
                Steps.string(execution, GeneralSupport.Var.NOTE));
        execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, reply.id().toString());
    }
}
