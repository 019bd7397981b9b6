package io.throughline.journey;

import io.throughline.handoff.Slas;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The agent's task is due by the SLA of its queue and priority, or when the rules said (outside business hours). */
@Component("handoffDueDate")
class HandoffDueDate implements JavaDelegate {

    private final Slas slas;

    HandoffDueDate(Slas slas) {
        this.slas = slas;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var due = slas.dueDate(Steps.string(execution, GeneralSupport.Var.QUEUE),
                Steps.integer(execution, GeneralSupport.Var.PRIORITY, 50),
                Steps.optional(execution, Journey.Var.RULES_DUE_DATE), Steps.now());
        execution.setVariable(Journey.Var.TASK_DUE_DATE, due.toString());
    }
}
