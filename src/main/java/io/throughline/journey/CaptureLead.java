package io.throughline.journey;

import io.throughline.conversation.Lead;
import io.throughline.conversation.Leads;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the lead (LEAD_CAPTURED and the customer's attributes); its details go to whoever takes it over. */
@Component("captureLead")
class CaptureLead implements JavaDelegate {

    private final Leads leads;

    CaptureLead(Leads leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object teamSize = execution.getVariable(Journey.Var.TEAM_SIZE);
        var lead = new Lead(teamSize instanceof Number n ? n.intValue() : null,
                Steps.optional(execution, Journey.Var.USE_CASE));
        execution.setVariable(Journey.Var.DETAILS, leads.capture(Steps.conversationId(execution), lead));
    }
}
