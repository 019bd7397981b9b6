package io.throughline.journey;

import io.throughline.handoff.AgentAnswer;
import io.throughline.handoff.Handoffs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When the agent completes: checks what they submitted (a wrong {@code outcome}, or a reply or note too long to keep,
 * refuses the completion with the reason), keeps their internal note whatever the outcome, and remembers whether they
 * keep the conversation: a reply with outcome {@code reply} sends the customer's next message straight to them;
 * {@code hand-back}, {@code resolve} or no reply at all gives it back to the bot.
 */
@Component("rememberWhoAnswers")
class RememberWhoAnswers implements TaskListener {

    static final String WITH_AGENT = "withAgent";

    private final Handoffs handoffs;

    /** For process tests without Spring: the outcome is checked and remembered, a note is not kept. */
    RememberWhoAnswers() {
        this(null);
    }

    @Autowired
    RememberWhoAnswers(Handoffs handoffs) {
        this.handoffs = handoffs;
    }

    @Override
    public void notify(DelegateTask task) {
        AgentAnswer answer = AgentAnswer.of(Steps.string(task, GeneralSupport.Var.REPLY),
                Steps.string(task, GeneralSupport.Var.NOTE), Steps.string(task, GeneralSupport.Var.OUTCOME));
        if (handoffs != null) {
            handoffs.agentFinished(Steps.conversationId(task), answer);
        }
        task.getExecution().setVariable(GeneralSupport.Var.OUTCOME, answer.outcome().key());
        task.getExecution().setVariable(WITH_AGENT, answer.keepsConversation());
    }
}
