package io.throughline.journey;

import io.throughline.conversation.Checklists;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the checklist items the customer reports done: {@code checklistDone}, {@code checklistProgress}, done of total. */
@Component("recordChecklist")
class RecordChecklist implements JavaDelegate {

    private final Checklists checklists;

    RecordChecklist(Checklists checklists) {
        this.checklists = checklists;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var progress = checklists.record(Steps.conversationId(execution), Steps.string(execution, GeneralSupport.Var.QUESTION));
        execution.setVariable(Journey.Var.CHECKLIST_DONE, progress.complete());
        execution.setVariable(Journey.Var.CHECKLIST_PROGRESS, progress.reported() && !progress.complete());
        execution.setVariable(Journey.Var.ITEMS_DONE, progress.done());
        execution.setVariable(Journey.Var.ITEMS_TOTAL, progress.total());
    }
}
