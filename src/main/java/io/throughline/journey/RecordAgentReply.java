package io.throughline.journey;

import io.throughline.handoff.Handoffs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the agent's reply, to go out on the channel the customer last wrote on (their note was kept on completion). */
@Component("recordAgentReply")
class RecordAgentReply implements JavaDelegate {

    private final Handoffs handoffs;

    RecordAgentReply(Handoffs handoffs) {
        this.handoffs = handoffs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var reply = handoffs.agentReplied(Steps.conversationId(execution), Steps.string(execution, GeneralSupport.Var.REPLY));
        execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, reply.id().toString());
    }
}
