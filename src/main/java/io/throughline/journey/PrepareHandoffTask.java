package io.throughline.journey;

import io.throughline.handoff.HandoffContext;
import io.throughline.handoff.Handoffs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives the agent's task its context as task-local String variables, the only kind Tasklist's forms show, and starts
 * the agent's answer empty: {@code reply} blank, no {@code note}, {@code outcome} reply.
 */
@Component("prepareHandoffTask")
class PrepareHandoffTask implements TaskListener {

    private final Handoffs handoffs;
    private final CitationsVariable citations;

    PrepareHandoffTask(Handoffs handoffs, CitationsVariable citations) {
        this.handoffs = handoffs;
        this.citations = citations;
    }

    @Override
    public void notify(DelegateTask task) {
        HandoffContext context = handoffs.contextFor(Steps.conversationId(task),
                Steps.string(task, GeneralSupport.Var.INTENT),
                Steps.string(task, GeneralSupport.Var.ANSWER_TEXT), citations.read(task),
                Steps.string(task, GeneralSupport.Var.REASONS));
        String transcriptApi = "GET /api/conversations/" + Steps.conversationId(task);
        context.asVariables().forEach((name, value) -> task.setVariableLocal(name, Steps.fitted(value, transcriptApi)));
        task.getExecution().setVariable(GeneralSupport.Var.REPLY, "");
        task.getExecution().setVariable(GeneralSupport.Var.NOTE, "");
        task.getExecution().setVariable(GeneralSupport.Var.OUTCOME, "reply");
    }
}
