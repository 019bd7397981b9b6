package io.throughline.journey;

import io.throughline.handoff.Escalation;
import io.throughline.handoff.Handoffs;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives the agent's task its context as task-local String variables, the only kind Tasklist's forms show (and local, so
 * they go with the task), and starts the agent's answer empty: {@code reply} blank, no {@code note}, {@code outcome}
 * reply.
 */
@Component("prepareHandoffTask")
class PrepareHandoffTask implements TaskListener {

    /** The details a journey gathered, as a JSON object String; set by the journeys that gather them. */
    static final String DETAILS = "details";
    /** When the agent should have answered (ISO-8601), from the journey's SLA; the task's own due date wins. */
    static final String DUE_DATE = "dueDate";

    private final Handoffs handoffs;
    private final CitationsVariable citations;

    PrepareHandoffTask(Handoffs handoffs, CitationsVariable citations) {
        this.handoffs = handoffs;
        this.citations = citations;
    }

    @Override
    public void notify(DelegateTask task) {
        handoffs.contextFor(escalation(task)).asVariables().forEach(task::setVariableLocal);
        // the language the customer writes in, so the form shows it and a queue can be picked for it
        task.setVariableLocal(GeneralSupport.Var.LANGUAGE, Steps.language(task).code());
        task.getExecution().setVariable(GeneralSupport.Var.REPLY, "");
        task.getExecution().setVariable(GeneralSupport.Var.NOTE, "");
        task.getExecution().setVariable(GeneralSupport.Var.OUTCOME, "reply");
    }

    private Escalation escalation(DelegateTask task) {
        return new Escalation(Steps.conversationId(task), Steps.string(task, GeneralSupport.Var.INTENT),
                number(task, GeneralSupport.Var.INTENT_SCORE),
                Boolean.TRUE.equals(task.getVariable(GeneralSupport.Var.OUT_OF_SCOPE)),
                Steps.string(task, GeneralSupport.Var.ANSWER_TEXT), number(task, GeneralSupport.Var.ANSWER_CONFIDENCE),
                citations.read(task), Steps.string(task, GeneralSupport.Var.ANSWER_BLOCKED),
                Steps.string(task, GeneralSupport.Var.REASONS), Steps.string(task, GeneralSupport.Var.QUEUE),
                task.getPriority(), Steps.string(task, DETAILS), dueDate(task),
                Boolean.TRUE.equals(task.getVariable(RememberWhoAnswers.WITH_AGENT)));
    }

    private static Double number(DelegateTask task, String name) {
        return task.getVariable(name) instanceof Number number ? number.doubleValue() : null;
    }

    private static String dueDate(DelegateTask task) {
        Object due = task.getDueDate() != null ? task.getDueDate() : task.getVariable(DUE_DATE);
        return due instanceof Date date ? date.toInstant().toString() : due == null ? null : due.toString();
    }
}
