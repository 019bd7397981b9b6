package io.throughline.journey;

import io.throughline.conversation.Lead;
import io.throughline.conversation.Leads;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reads the prospect's answers: team size and use ({@code qualified} when either is said), and whether sales takes it. */
@Component("qualifyLead")
class QualifyLead implements JavaDelegate {

    private final Leads leads;

    QualifyLead(Leads leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Lead lead = Lead.from(Steps.string(execution, GeneralSupport.Var.QUESTION));
        execution.setVariable(Journey.Var.TEAM_SIZE, lead.teamSize());
        execution.setVariable(Journey.Var.USE_CASE, lead.useCase());
        execution.setVariable(Journey.Var.QUALIFIED, lead.qualified());
        execution.setVariable(Journey.Var.SALES_LEAD, leads.forSales(lead));
    }
}
